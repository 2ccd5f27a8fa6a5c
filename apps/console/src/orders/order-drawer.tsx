import { Alert, App, Button, Drawer, Skeleton, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { statusColor } from '@miniapp-shared/labels';
import { ApiError } from '../api/client';
import { session } from '../api/session';
import { useLoad } from '../shared/use-load';
import { getOrderView, refreshOrderStatus, replayCallback } from './orders-api';
import { canSettleUnknownId } from './unknown-id';
import { UnknownIdActions } from './unknown-id-actions';
import { VendorEvents } from './vendor-events';
import { ViewSections } from './view-sections';

// Only an owner who refunds needs the dialog: it stays out of the orders page's first load.
const RefundModal = lazy(() => import('./refund-modal').then((m) => ({ default: m.RefundModal })));

interface Props {
  orderId: number | null;
  onClose(): void;
  onChanged(): void;
}

/** One order as the server describes it: sections, timeline, vendor events; ask the vendor, replay. */
export function OrderDrawer({ orderId, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const view = useLoad(`view:${orderId}`, () => (orderId ? getOrderView(orderId) : Promise.resolve(undefined)));
  const [replaying, setReplaying] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const owner = session.merchant()?.role === 'owner';
  const canReplay = owner;
  const data = view.data;
  // Owner only (the server refuses staff anyway): a paid order with something left to refund.
  const canRefund = owner && (data?.payment?.refundableFen ?? 0) > 0;

  const act = async (work: () => Promise<string>): Promise<boolean> => {
    try {
      void message.success(await work());
      return true;
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '操作失败，请稍后重试');
      return false;
    } finally {
      view.reload();
      onChanged();
    }
  };
  const replay = (id: number) => {
    setReplaying(id);
    void act(async () => {
      const result = await replayCallback(id);
      return result.applied ? '已重放，回调已处理' : `仍然失败：${result.callback.reason ?? '请稍后再试'}`;
    }).finally(() => setReplaying(null));
  };
  const refresh = () => {
    if (!orderId) return;
    setRefreshing(true);
    void act(async () => ((await refreshOrderStatus(orderId)).changed ? '状态已更新' : '服务商状态没有变化')).finally(
      () => setRefreshing(false),
    );
  };

  return (
    <Drawer
      className="order-drawer"
      open={orderId !== null}
      onClose={onClose}
      width="min(960px, 92vw)"
      title={
        data ? (
          <Space>
            <span>{data.order.orderNo}</span>
            <Tag color={statusColor(data.order.status)}>{data.heading}</Tag>
          </Space>
        ) : (
          '订单详情'
        )
      }
      extra={
        <Space>
          {canRefund ? (
            <Button danger className="refund-button" onClick={() => setRefunding(true)}>
              退款
            </Button>
          ) : null}
          {data && canSettleUnknownId(data.order, session.merchant()?.role) ? (
            <UnknownIdActions order={data.order} run={act} />
          ) : null}
          {data?.canRefreshStatus ? (
            <Button className="refresh-status" loading={refreshing} onClick={refresh}>
              向服务商查询最新状态
            </Button>
          ) : null}
        </Space>
      }
    >
      {orderId && data && refunding ? (
        <Suspense fallback={null}>
          <RefundModal
            orderId={orderId}
            payment={data.payment}
            open
            onClose={() => setRefunding(false)}
            onRefunded={() => {
              view.reload();
              onChanged();
            }}
          />
        </Suspense>
      ) : null}
      {view.error ? <Alert type="error" showIcon message={view.error.message} /> : null}
      {!data && !view.error ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {data ? (
        <Tabs
          items={[
            { key: 'detail', label: '订单详情', children: <ViewSections sections={data.sections} /> },
            {
              key: 'timeline',
              label: `进度（${data.timeline.length}）`,
              children: (
                <Timeline
                  className="order-timeline"
                  items={data.timeline.map((entry) => ({
                    key: entry.id,
                    children: (
                      <>
                        <Typography.Text type="secondary">
                          {entry.at} · {entry.actor}
                        </Typography.Text>
                        <div>{entry.text}</div>
                        {entry.status || entry.vendorStatus ? (
                          <Typography.Text type="secondary">
                            {[
                              entry.status && `状态：${entry.status}`,
                              entry.vendorStatus && `服务商状态：${entry.vendorStatus}`,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </Typography.Text>
                        ) : null}
                      </>
                    ),
                  }))}
                />
              ),
            },
            {
              key: 'vendor',
              label: data.vendorEvents.title,
              children: (
                <VendorEvents
                  events={data.vendorEvents}
                  canReplay={canReplay}
                  replaying={replaying}
                  onReplay={replay}
                />
              ),
            },
          ]}
        />
      ) : null}
    </Drawer>
  );
}
