import { Button, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { VehicleOrderDto } from '../../../features/vehicles/api/types';
import { vehiclesApi } from '../../../features/vehicles/api/vehicles-api';
import { FeeBreakdown } from '../../../features/vehicles/components/fee-breakdown';
import { useVehicleOrder } from '../../../features/vehicles/hooks/use-vehicles';
import { payLink } from '../../../features/vehicles/platform/pay-link';
import { VEHICLE_ROUTES } from '../../../features/vehicles/routes';
import { formatDateTime, formatFen } from '../../../shared/format';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { PaymentPanel } from '../../../shared/payment/payment-panel';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { OrderTimeline } from '../../../shared/ui/order-timeline';
import { PageState } from '../../../shared/ui/page-state';
import { StatusTag } from '../../../shared/ui/status-tag';
import './index.scss';

// On credit the user's own payment (if any) is the payment panel's: the headline says where the
// agency order stands, never "已支付" for money the user did not pay.
const HEADLINE: Record<VehicleOrderDto['status'], string> = {
  pending: '订单已提交',
  action_required: '等待支付',
  processing: '正在办理',
  completed: '办理完成',
  failed: '未能下单',
  cancelled: '订单已关闭',
};

const UNPAID = new Set(['created', 'paying']);

function headline(order: VehicleOrderDto): string {
  return order.payment && UNPAID.has(order.payment.status) ? '待支付' : HEADLINE[order.status];
}

function subline(order: VehicleOrderDto): string {
  const { payment } = order;
  if (payment && UNPAID.has(payment.status)) return '支付后平台立即为您向服务商下单代缴，未能办理的部分原路退款';
  // A prepaid order's refund is under way until the payment panel says 已退款.
  const back = payment && payment.paidFen > 0 ? '，已付款项将原路退回' : '';
  if (order.status === 'failed') return `${order.failureMessage ?? '服务商未受理，未产生费用'}${back}`;
  if (order.status === 'cancelled') {
    if (payment && payment.paidFen === 0) return '订单未支付，已关闭';
    return order.cancelReason ? `${order.cancelReason}${back}` : '订单已关闭，已付款项将原路退回';
  }
  if (order.status === 'completed') {
    if (order.refundFen === 0) return '罚款已缴纳，交管系统同步可能需要 1-3 个工作日';
    return payment
      ? `部分违章未能办理，相应款项 ${formatFen(order.refundFen)} 原路退回`
      : `部分违章未能办理，已退款 ${formatFen(order.refundFen)}`;
  }
  if (order.status === 'action_required') return '订单已创建，完成支付后开始办理';
  if (order.awaitingCheck) return '服务商已受理但未返回订单号，客服将尽快核实，请勿重复缴费';
  return '通常几分钟内完成，办理结果会在“消息通知”中提醒您';
}

function OrderView({
  order,
  onUpdate,
  onChanged,
}: {
  order: VehicleOrderDto;
  onUpdate: (o: VehicleOrderDto) => void;
  onChanged: () => Promise<void>;
}) {
  const [refreshing, setRefreshing] = useState(false);
  const refresh = async () => {
    setRefreshing(true);
    try {
      onUpdate(await vehiclesApi.refreshOrder(order.id));
    } catch {
      // The request said why.
    } finally {
      setRefreshing(false);
    }
  };
  // Before it is paid there is nothing at the vendor to ask about.
  const unpaid = !!order.payment && UNPAID.has(order.payment.status);
  const open = ['pending', 'processing', 'action_required'].includes(order.status) && !unpaid;
  return (
    <View className="vorder-page">
      <View className={`vorder-head vorder-head--${order.status}`}>
        <View className="vorder-head__status">{headline(order)}</View>
        <View className="vorder-head__sub">{subline(order)}</View>
        <View className="vorder-head__meta">
          <StatusTag status={order.status} />
          <Text className="vorder-head__vendor">办理进度：{order.progressLabel}</Text>
        </View>
      </View>

      {order.payment ? <PaymentPanel payment={order.payment} onChanged={onChanged} /> : null}

      {order.payUrl ? (
        <View className="vorder-card vorder-pay">
          <Button
            className="vorder-pay-button"
            type="primary"
            block
            onClick={() => void payLink.open(order.payUrl as string)}
          >
            {payLink.action}（{formatFen(order.totalFen)}）
          </Button>
          <View className="vorder-pay__hint">{payLink.hint}</View>
        </View>
      ) : null}

      <CellGroup className="vorder-timeline" title="办理进度">
        <OrderTimeline events={order.events} />
      </CellGroup>

      <View className="vorder-card">
        <View className="vorder-card__title">
          {order.plateNumber} · {order.lines.length} 条违章
          {order.deductSelf ? (
            <Tag className="vorder-card__tag" plain round background="#ff8f1f">
              自扣分
            </Tag>
          ) : null}
        </View>
        {order.lines.map((line) => (
          <View key={line.code} className="vorder-line">
            <View className="vorder-line__head">
              <Text>{line.time.slice(0, 16)}</Text>
              <Text className={`vorder-line__state vorder-line__state--${line.processStatus ?? 0}`}>
                {line.processStatusLabel}
              </Text>
            </View>
            <View className="vorder-line__reason">{line.reason}</View>
            <View className="vorder-line__fees">
              罚款 {formatFen(line.fineFen)} · 服务费 {formatFen(line.serviceFeeFen)}
              {line.markFeeFen ? ` · 代扣分费 ${formatFen(line.markFeeFen)}` : ''}
            </View>
          </View>
        ))}
      </View>

      <View className="vorder-card">
        <View className="vorder-card__title">费用明细</View>
        {/* A prepaid order's amounts are its payment's (above, with its refunds). */}
        {order.payment ? null : <FeeBreakdown {...order} />}
        <View className="vorder-card__meta">订单号 {order.orderNo}</View>
        <View className="vorder-card__meta">下单时间 {formatDateTime(order.createdAt)}</View>
      </View>

      <View className="vorder-actions">
        {open ? (
          <Button
            className="vorder-refresh"
            fill="outline"
            type="primary"
            block
            loading={refreshing}
            onClick={() => void refresh()}
          >
            刷新状态
          </Button>
        ) : null}
        <Button
          className="vorder-back"
          fill="none"
          block
          onClick={() => void Taro.redirectTo({ url: VEHICLE_ROUTES.violations(order.carId) })}
        >
          返回违章列表
        </Button>
      </View>
    </View>
  );
}

export default function VehicleOrderPage() {
  const id = parseIdParam(useRouter().params.id);
  const order = useVehicleOrder(id);
  usePullDownReload(order.reload);
  if (id === null) return <EmptyState title="订单不存在" description="链接有误，请从订单列表进入" />;
  return (
    <PageState {...order}>
      {(data) => <OrderView order={data} onUpdate={order.update} onChanged={order.reload} />}
    </PageState>
  );
}
