import {
  DOCLOUD_ORDER_STATUS,
  VIOLATION_PROCESS_STATUS,
  type DocloudOrderStatusCode,
  type ViolationProcessStatus,
} from '@banshi/vendor-clients/docloud';
import type { OrderEventDto, UserOrderEventDto } from '../../orders/dto/order.dto.js';
import { toUserEvent } from '../../orders/orders.service.js';
import type { Order } from '../../orders/order.entity.js';
import type { MerchantVehicleOrderDto, OrderLineDto, VehicleOrderDto } from '../dto/order.dto.js';
import type { OrderedViolation, ViolationOrder } from '../entities/violation-order.entity.js';
import type { PaymentViewDto } from '../../payments/dto/payment.dto.js';
import { maskPlate } from '../garage/plate.js';

const STATE_LABELS: Record<ViolationOrder['state'], string> = {
  priced: '待支付',
  creating: '提交中',
  created: '',
  refused: '未能下单',
  unknown: '待核实',
};

function lineOf(item: OrderedViolation): OrderLineDto {
  return {
    code: item.code,
    time: item.occurredAt,
    reason: item.reason,
    address: item.address,
    city: item.city,
    points: item.points,
    fineFen: item.fineFen,
    serviceFeeFen: item.serviceFeeFen,
    markFeeFen: item.markFeeFen,
    totalFen: item.fineFen + item.serviceFeeFen + item.markFeeFen,
    processStatus: item.processStatus,
    processStatusLabel: item.processStatus
      ? (VIOLATION_PROCESS_STATUS[item.processStatus as ViolationProcessStatus] ?? '未知')
      : '待受理',
  };
}

export function vendorStatusLabel(detail: ViolationOrder): string {
  if (detail.vendorStatus) {
    const label = DOCLOUD_ORDER_STATUS[detail.vendorStatus as DocloudOrderStatusCode] ?? String(detail.vendorStatus);
    return detail.vendorStatus === 3 && detail.refundFen > 0 ? `${label}（部分退款）` : label;
  }
  return STATE_LABELS[detail.state] || '提交中';
}

/**
 * Where the order stands for its user. Before Docloud has it, a prepaid order is where its payment
 * is (待支付, 已支付, 支付超时, 已取消); Docloud's own 订单已支付 on credit is the merchant's account paying.
 */
function progressLabel(order: Order, detail: ViolationOrder): string {
  if (detail.state === 'priced' && order.vendorStatus) return order.vendorStatus;
  if (detail.paymentMode === 'credit' && detail.vendorStatus === 2) return '代缴账户已付款，办理中';
  return vendorStatusLabel(detail);
}

/**
 * The order as its owner sees it: the plate masked, the pay link only while it is unpaid, and the
 * WeChat Pay payment of a prepaid order (`payment`).
 */
export function toVehicleOrderDto(
  order: Order,
  detail: ViolationOrder,
  events: UserOrderEventDto[],
  payment: PaymentViewDto | null,
): VehicleOrderDto {
  const unpaid = detail.vendorStatus === 1 && order.status === 'action_required';
  return {
    id: order.id,
    orderNo: order.orderNo,
    status: order.status,
    progressLabel: progressLabel(order, detail),
    awaitingCheck: !detail.vendorStatus && detail.state === 'unknown',
    title: order.title,
    carId: detail.carId,
    plateNumber: maskPlate(detail.plateNumber),
    paymentMode: detail.paymentMode,
    payUrl: unpaid ? detail.payUrl : null,
    lines: detail.items.map(lineOf),
    fineFen: detail.fineFen,
    serviceFeeFen: detail.serviceFeeFen,
    markFeeFen: detail.markFeeFen,
    totalFen: detail.totalFen,
    refundFen: detail.refundFen,
    cancelReason: detail.cancelReason,
    failureMessage: detail.failureMessage,
    deductSelf: detail.deductSelf,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    events: events.map(toUserEvent),
    payment,
  };
}

/** The merchant's view: what the user sees (masked), plus the vendor's references. */
export function toMerchantVehicleOrderDto(
  order: Order,
  detail: ViolationOrder,
  events: OrderEventDto[],
  payment: PaymentViewDto | null,
): MerchantVehicleOrderDto {
  return {
    ...toVehicleOrderDto(order, detail, events, payment),
    vendorStatus: detail.vendorStatus,
    vendorStatusLabel: vendorStatusLabel(detail),
    events,
    payUrl: null,
    userId: order.userId,
    vendorOrderId: detail.vendorOrderId,
    outOrderNo: detail.outOrderNo,
    state: detail.state,
    failureCode: detail.failureCode,
    lastVendorUpdateAt: detail.lastVendorUpdateAt.toISOString(),
  };
}
