import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { formatDateTime, formatFen } from '../../../shared/format';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { OrderTimeline } from '../../../shared/ui/order-timeline';
import { PaymentPanel } from '../../../shared/payment/payment-panel';
import { PageState } from '../../../shared/ui/page-state';
import { StatusTag } from '../../../shared/ui/status-tag';
import { refreshInspectionOrder } from '../../../features/inspection/api/inspection-api';
import type { InspectionOrderDto } from '../../../features/inspection/api/types';
import { InspectionSteps } from '../../../features/inspection/components/inspection-steps';
import { MaterialsList } from '../../../features/inspection/components/materials-list';
import { useInspectionOrder } from '../../../features/inspection/hooks/use-inspection';
import './index.scss';

/** While the page is open the order is read again this often (the server polls the vendor). */
const POLL_MS = 5000;
const OPEN = new Set(['pending', 'processing', 'action_required']);

function OrderBody({
  order,
  onRefresh,
  onChanged,
  refreshing,
}: {
  order: InspectionOrderDto;
  onRefresh: () => void;
  onChanged: () => Promise<void>;
  refreshing: boolean;
}) {
  const current = order.steps.find((step) => step.current);
  const copy = (text: string) => void Taro.setClipboardData({ data: text }).catch(() => undefined);
  return (
    <>
      <View className="inspection-order__head">
        <View className="inspection-order__status">
          <Text className="inspection-order__label">{order.worderLabel}</Text>
          <StatusTag status={order.status} />
        </View>
        {current ? <View className="inspection-order__hint">{current.hint}</View> : null}
        <View className="inspection-order__meta">
          {order.plateNumber} · {order.cityName} · {formatFen(order.amountFen)}
        </View>
      </View>
      {order.payment ? <PaymentPanel payment={order.payment} onChanged={onChanged} /> : null}
      {order.returnShipment ? (
        <View className="inspection-shipment">
          <View className="inspection-shipment__title">回寄物流</View>
          <View className="inspection-shipment__line">
            <Text>
              {order.returnShipment.company ?? '快递'} {order.returnShipment.number}
            </Text>
            <Text className="inspection-shipment__copy" onClick={() => copy(order.returnShipment!.number)}>
              复制单号
            </Text>
          </View>
        </View>
      ) : null}
      <CellGroup className="inspection-order__group" title="办理进度">
        <InspectionSteps steps={order.steps} />
        <View className="inspection-order__refresh">
          <Text className="inspection-order__checked">
            {order.checkedAt ? `更新于 ${formatDateTime(order.checkedAt)}` : '等待服务商更新'}
          </Text>
          {OPEN.has(order.status) ? (
            <Button
              className="inspection-order__refresh-button"
              size="small"
              fill="outline"
              loading={refreshing}
              onClick={onRefresh}
            >
              刷新进度
            </Button>
          ) : null}
        </View>
      </CellGroup>
      <CellGroup className="inspection-order__group" title="订单信息">
        <Cell title="订单号" extra={order.orderNo} />
        <Cell title="下单时间" extra={formatDateTime(order.createdAt)} />
        {order.sendEmsNumber ? <Cell title="送件单号" extra={order.sendEmsNumber} /> : null}
        {order.shopName ? <Cell title="办理网点" extra={order.shopName} /> : null}
        {order.shopPhone ? <Cell title="网点电话" extra={order.shopPhone} /> : null}
        <Cell
          title="回寄地址"
          className="inspection-order__address"
          extra={`${order.returnAddress.name} ${order.returnAddress.phone} ${order.returnAddress.province}${order.returnAddress.city}${order.returnAddress.county}${order.returnAddress.address}`}
        />
      </CellGroup>
      <CellGroup className="inspection-order__group" title="所需材料">
        <MaterialsList materials={order.materials} />
      </CellGroup>
      <CellGroup className="inspection-order__group" title="服务记录">
        <OrderTimeline events={order.events} />
      </CellGroup>
    </>
  );
}

export default function InspectionOrderPage() {
  const id = parseIdParam(useRouter().params.id);
  const order = useInspectionOrder(id);
  const [refreshing, setRefreshing] = useState(false);
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  const { reload } = order;
  const status = order.data?.status;
  usePullDownReload(reload);

  useEffect(() => {
    if (!visible || !status || !OPEN.has(status)) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [visible, status, reload]);

  if (id === null) return <EmptyState title="订单不存在" description="请从年检代办首页进入" />;

  const refresh = async () => {
    setRefreshing(true);
    try {
      await refreshInspectionOrder(id);
      await order.reload();
    } catch {
      // request() has shown what went wrong
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <View className="inspection-order">
      <PageState {...order}>
        {(detail) => (
          <OrderBody order={detail} refreshing={refreshing} onRefresh={() => void refresh()} onChanged={reload} />
        )}
      </PageState>
    </View>
  );
}
