import { App, Badge, Button, Card, Popconfirm, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '@miniapp-shared/format';
import { kindLabel, statusColor, statusLabel } from '@miniapp-shared/labels';
import { api, ApiError } from '../api/client';
import type { AttentionSummary, CallbackPage, StuckOrderPage, VendorCallback } from '../api/types';
import { session } from '../api/session';
import { MismatchTable } from '../money/mismatch-table';
import { UnknownCallsTable } from './unknown-calls-table';
import { OrderDrawer } from '../orders/order-drawer';
import { replayCallback } from '../orders/orders-api';
import { useCursorPages } from '../shared/cursor-table';
import { callbackStatusLabel, formatMinutes, vendorLabel } from '../shared/labels';
import { Pager } from '../shared/pager';
import { useLoad } from '../shared/use-load';

type Tab = 'failed' | 'rejected' | 'stuck' | 'reconciliation' | 'calls';
const TABS: Tab[] = ['failed', 'rejected', 'stuck', 'reconciliation', 'calls'];

function CallbackTable({ status, onChanged }: { status: 'failed' | 'rejected'; onChanged(): void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const canReplay = session.merchant()?.role === 'owner';
  const list = useCursorPages(status, (cursor) =>
    api<CallbackPage>('/api/merchant/attention/callbacks', { query: { status, cursor, limit: 20 } }),
  );
  const replay = async (row: VendorCallback) => {
    setBusy(row.id);
    try {
      const result = await replayCallback(row.id);
      void message.success(
        result.applied ? '已重放，回调已处理' : `仍然失败：${result.callback.reason ?? '请稍后再试'}`,
      );
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '重放失败，请稍后重试');
    } finally {
      setBusy(null);
      list.page.reload();
      onChanged();
    }
  };
  return (
    <>
      <Table<VendorCallback>
        className={`callback-table callback-table--${status}`}
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.page.loading}
        dataSource={list.page.data?.items ?? []}
        locale={{ emptyText: status === 'failed' ? '没有处理失败的回调' : '没有验签失败的回调' }}
        expandable={{
          expandedRowRender: (row) => (
            <pre className="vendor-event__payload">{JSON.stringify(row.payload, null, 2)}</pre>
          ),
        }}
        columns={[
          { title: '收到时间', width: 140, render: (_, row) => formatDateTime(row.receivedAt) },
          { title: '服务商', width: 130, render: (_, row) => vendorLabel(row.vendor) },
          {
            title: '结果',
            width: 90,
            render: (_, row) => (
              <Tag color={row.status === 'failed' ? 'orange' : 'red'}>{callbackStatusLabel(row.status)}</Tag>
            ),
          },
          { title: '原因（已脱敏）', ellipsis: true, render: (_, row) => row.reason ?? '—' },
          { title: '处理次数', width: 80, render: (_, row) => row.attempts },
          {
            title: '操作',
            width: 90,
            render: (_, row) =>
              row.replayable ? (
                canReplay ? (
                  <Popconfirm
                    title="重放回调"
                    description="将按服务商原始报文重新处理，每条只会生效一次。"
                    okText="重放"
                    cancelText="取消"
                    onConfirm={() => void replay(row)}
                  >
                    <Button size="small" type="primary" className="replay-button" loading={busy === row.id}>
                      重放
                    </Button>
                  </Popconfirm>
                ) : (
                  <Tooltip title="仅管理员可以重放回调">
                    <Button size="small" className="replay-button" disabled>
                      重放
                    </Button>
                  </Tooltip>
                )
              ) : null,
          },
        ]}
      />
      <Pager pageNumber={list.pageNumber} prev={list.prev} next={list.next} />
    </>
  );
}

function StuckTable({ onOpen }: { onOpen(id: number): void }) {
  const list = useCursorPages('stuck', (cursor) =>
    api<StuckOrderPage>('/api/merchant/attention/stuck-orders', { query: { cursor, limit: 20 } }),
  );
  return (
    <>
      <Table
        className="stuck-table"
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.page.loading}
        dataSource={list.page.data?.items ?? []}
        locale={{ emptyText: '没有超时未完成的订单' }}
        columns={[
          { title: '业务', width: 96, render: (_, row) => kindLabel(row.kind) },
          {
            title: '订单号',
            width: 190,
            render: (_, row) => <Typography.Link onClick={() => onOpen(row.id)}>{row.orderNo}</Typography.Link>,
          },
          { title: '标题', ellipsis: true, render: (_, row) => row.title },
          {
            title: '状态',
            width: 84,
            render: (_, row) => <Tag color={statusColor(row.status)}>{statusLabel(row.status)}</Tag>,
          },
          { title: '已停留', width: 120, render: (_, row) => formatMinutes(row.stuckMinutes) },
          { title: '时限', width: 100, render: (_, row) => formatMinutes(row.thresholdMinutes) },
          { title: '状态变更于', width: 140, render: (_, row) => formatDateTime(row.statusChangedAt) },
        ]}
      />
      <Pager pageNumber={list.pageNumber} prev={list.prev} next={list.next} />
    </>
  );
}

/**
 * What needs the merchant: callbacks that failed or were forged, orders stuck past their kind's time,
 * the differences the daily reconciliation with WeChat Pay found, and vendor calls whose answer was
 * lost that only a person can settle.
 */
export default function AttentionPage() {
  const [params, setParams] = useSearchParams();
  const tab = ((TABS as string[]).includes(params.get('tab') ?? '') ? params.get('tab') : 'failed') as Tab;
  const summary = useLoad('summary', () => api<AttentionSummary>('/api/merchant/attention/summary'));
  const [open, setOpen] = useState<number | null>(null);
  const count = (n: number | undefined) => <Badge count={n ?? 0} showZero={false} offset={[6, -2]} size="small" />;
  return (
    <Card size="small" className="attention-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          {
            key: 'failed',
            label: <span className="attention-tab--failed">处理失败的回调 {count(summary.data?.failedCallbacks)}</span>,
            children: <CallbackTable status="failed" onChanged={summary.reload} />,
          },
          {
            key: 'rejected',
            label: (
              <span className="attention-tab--rejected">验签失败的回调 {count(summary.data?.rejectedCallbacks)}</span>
            ),
            children: <CallbackTable status="rejected" onChanged={summary.reload} />,
          },
          {
            key: 'stuck',
            label: <span className="attention-tab--stuck">超时订单 {count(summary.data?.stuckOrders)}</span>,
            children: <StuckTable onOpen={setOpen} />,
          },
          {
            key: 'reconciliation',
            label: (
              <span className="attention-tab--reconciliation">
                对账差异 {count(summary.data?.reconciliationMismatches)}
              </span>
            ),
            children: <MismatchTable onOpen={setOpen} />,
          },
          {
            key: 'calls',
            label: <span className="attention-tab--calls">结果未知的调用 {count(summary.data?.unknownCalls)}</span>,
            children: <UnknownCallsTable onChanged={summary.reload} />,
          },
        ]}
      />
      <OrderDrawer orderId={open} onClose={() => setOpen(null)} onChanged={summary.reload} />
    </Card>
  );
}
