import { fenToYuan } from '@banshi/vendor-clients';
import type { SimViolation } from './data/violation-gen.js';
import type { SimOrder } from './state.js';

/** "200" for whole yuan (as the document's totals read), "200.50" otherwise. */
export function yuanText(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : fenToYuan(fen);
}

/** Yuan as a JSON number (520.00 in the document serialises as 520). */
export const yuanNumber = (fen: number) => Number(fenToYuan(fen));

/** Whether the violation can be ordered: pending, in a city with 代缴, and without points unless self-deducting. */
export function selectable(v: SimViolation, deductSelf: boolean): boolean {
  return v.processStatus === 1 && v.place.agency && (v.point === 0 || deductSelf);
}

/** A violation as 《查询违章及费用》 (and 《直通车查询报价》) send it. */
export function queryViolation(v: SimViolation, needFee: boolean, deductSelf: boolean): Record<string, unknown> {
  return {
    code: v.code,
    time: v.time,
    fine: fenToYuan(v.fineFen),
    address: v.address,
    reason: v.reason,
    point: v.point,
    violationCity: v.place.city,
    province: v.place.province,
    city: v.place.city,
    ...(needFee
      ? {
          serviceFee: fenToYuan(v.serviceFeeFen),
          canSelect: selectable(v, deductSelf) ? 1 : 0,
          ...(deductSelf && v.point > 0 ? { markFee: fenToYuan(v.markFeeFen) } : {}),
        }
      : {}),
    processStatus: v.processStatus,
    paymentStatus: v.paymentStatus,
    needTravelLicense: v.point > 0 ? 1 : 0,
    organName: v.organName,
  };
}

/**
 * 《查询违章及费用》 totals count untreated violations only; 《直通车查询报价》's count every quoted
 * one (its table says 违章总罚款 / 违章条数), hence `totalsOf`.
 */
export function queryResult(
  token: string | undefined,
  list: SimViolation[],
  needFee: boolean,
  deductSelf: boolean,
  totalsOf: 'untreated' | 'all' = 'untreated',
) {
  const pending = totalsOf === 'all' ? list : list.filter((v) => v.processStatus === 1);
  return {
    ...(token === undefined ? {} : { token }),
    totalFine: yuanText(pending.reduce((sum, v) => sum + v.fineFen, 0)),
    totalPoints: pending.reduce((sum, v) => sum + v.point, 0),
    untreated: pending.length,
    violations: list.map((v) => queryViolation(v, needFee, deductSelf)),
  };
}

/** A violation inside 《查询代缴订单详情》. */
export function detailViolation(v: SimViolation): Record<string, unknown> {
  return {
    code: v.code,
    time: v.time,
    fine: fenToYuan(v.fineFen),
    address: v.address,
    reason: v.reason,
    point: v.point,
    province: v.place.province,
    city: v.place.city,
    serviceFee: fenToYuan(v.serviceFeeFen),
  };
}

/** An item of 《车辆违章信息变更通知》: fees as integers there, as its example shows. */
export function callbackItem(v: SimViolation): Record<string, unknown> {
  return {
    code: v.code,
    time: v.time,
    fine: fenToYuan(v.fineFen),
    address: v.address,
    reason: v.reason,
    point: v.point,
    violationCity: v.place.city,
    processStatus: v.processStatus,
    paymentStatus: v.paymentStatus,
    violationNum: v.violationNum,
    serviceFee: Math.round(v.serviceFeeFen / 100),
    canSelect: selectable(v, false) ? 1 : 0,
    markFee: Math.round(v.markFeeFen / 100),
    needTravelLicense: v.point > 0 ? 1 : 0,
    organName: v.organName,
  };
}

/** Price of violations in an order: fine plus service fee, plus the mark fee when self-deducting. */
export function priceOf(list: SimViolation[], deductSelf: boolean): number {
  return list.reduce((sum, v) => sum + v.fineFen + v.serviceFeeFen + (deductSelf ? v.markFeeFen : 0), 0);
}

/** 《订单状态变更通知》's data. */
export function orderCallbackData(order: SimOrder, list: SimViolation[], at: string): Record<string, unknown> {
  return {
    orderId: order.orderId,
    orderStatus: order.status,
    orderStatusTime: at,
    ...(order.refundFen ? { refundMoney: yuanNumber(order.refundFen) } : {}),
    ...(order.status === 4 && order.cancelReason ? { cancelReason: order.cancelReason } : {}),
    violations: list.map((v) => ({ code: v.code, processStatus: v.processStatus })),
  };
}
