import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DOCLOUD_ORDER_STATUS, type DocloudOrderStatusCode } from '@banshi/vendor-clients/docloud';
import { OrderViewDescribers, type OrderViewDescriber, type ViewSection } from '../../orders/view/order-view.js';
import { chinaMinute, orNotFound, section, text, yesNo, yuan } from '../../orders/view/view-format.js';
import type { MerchantVehicleOrderDto } from '../dto/order.dto.js';
import { MerchantVehicleOrdersService } from './merchant-vehicle-orders.service.js';

const PAYMENT_MODES: Record<string, string> = { credit: '挂账（商户账户直接扣款）', online: '用户在线支付' };
const STATES: Record<string, string> = {
  priced: '等待用户支付（付款后下单）',
  creating: '提交中',
  created: '服务商已下单',
  refused: '服务商未受理',
  unknown: '待核实（应答丢失）',
};

/** The violation-payment order for the merchant: car, amounts, the violations paid, vendor references. */
@Injectable()
export class ViolationOrderView implements OrderViewDescriber, OnModuleInit {
  readonly kind = 'violation_payment' as const;

  constructor(
    private readonly describers: OrderViewDescribers,
    private readonly orders: MerchantVehicleOrdersService,
  ) {}

  onModuleInit(): void {
    this.describers.register(this);
  }

  /** Docloud's 1–4, or our own steps before it answered (already in words: 提交中, 待核实, 未受理). */
  vendorStatusLabel(vendorStatus: string): string | null {
    const code = Number(vendorStatus) as DocloudOrderStatusCode;
    if (DOCLOUD_ORDER_STATUS[code]) return DOCLOUD_ORDER_STATUS[code];
    return /^[\u4e00-\u9fa5]+$/.test(vendorStatus) ? vendorStatus : null;
  }

  async sections(orderId: number): Promise<ViewSection[]> {
    const order = await orNotFound(this.orders.get(orderId));
    if (!order) return [];
    return [paymentSection(order), amountSection(order), ...order.lines.map(lineSection)];
  }
}

/** On credit, a prepaid order (its payment is in the 支付 section) was paid by the user first. */
function paymentMode(o: MerchantVehicleOrderDto): string {
  if (o.paymentMode === 'credit' && o.payment) return '用户先付（微信支付），再由商户账户挂账代缴';
  return PAYMENT_MODES[o.paymentMode] ?? '其他';
}

function paymentSection(o: MerchantVehicleOrderDto): ViewSection {
  return section('violation_payment.order', '代缴订单', [
    text('车牌', o.plateNumber),
    text('服务商订单状态', o.vendorStatusLabel),
    text('下单状态', STATES[o.state] ?? '其他'),
    text('支付方式', paymentMode(o)),
    text('自行处理扣分', yesNo(o.deductSelf)),
    text('服务商订单号', o.vendorOrderId),
    text('我方外部单号', o.outOrderNo),
    o.failureMessage ? text('失败原因', o.failureMessage, 'danger') : null,
    o.failureCode ? text('服务商错误码', o.failureCode, 'danger') : null,
    o.cancelReason ? text('取消原因', o.cancelReason, 'warning') : null,
    text('服务商最后更新', chinaMinute(o.lastVendorUpdateAt)),
  ]);
}

function amountSection(o: MerchantVehicleOrderDto): ViewSection {
  return section('violation_payment.amount', '金额', [
    text('罚款', yuan(o.fineFen)),
    text('服务费', yuan(o.serviceFeeFen)),
    text('标记费', yuan(o.markFeeFen)),
    text('合计', yuan(o.totalFen)),
    text('已退款', yuan(o.refundFen), o.refundFen > 0 ? 'warning' : undefined),
    text('违章条数', `${o.lines.length} 条`),
  ]);
}

function lineSection(line: MerchantVehicleOrderDto['lines'][number], index: number): ViewSection {
  return section(`violation_payment.line.${index + 1}`, `违章 ${index + 1}`, [
    text('时间', line.time),
    text('地点', line.city ? `${line.city} ${line.address}` : line.address),
    text('行为', line.reason),
    text('扣分', `${line.points} 分`),
    text('罚款', yuan(line.fineFen)),
    text('服务费', yuan(line.serviceFeeFen + line.markFeeFen)),
    text('办理进度', line.processStatusLabel),
    text('违章编号', line.code),
  ]);
}
