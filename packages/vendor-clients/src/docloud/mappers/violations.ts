import {
  asArray,
  asObject,
  compact,
  fen,
  flag,
  id,
  int,
  oneOf,
  optFen,
  optInt,
  optOneOf,
  optText,
  text,
  type Json,
} from '../parse.js';
import type { DocloudCountProvince, DocloudViolationCounts } from '../types/monitor.js';
import type {
  DocloudCarType,
  DocloudOrderDetail,
  DocloudOrderStatus,
  DocloudOrderStatusCode,
  DocloudOrderViolationStatus,
  DocloudProvinceConditions,
  DocloudViolation,
  DocloudViolationResult,
  ViolationProcessStatus,
} from '../types/violations.js';

const PROCESS: readonly ViolationProcessStatus[] = [1, 2, 3, 4];
const ORDER: readonly DocloudOrderStatusCode[] = [1, 2, 3, 4];
/** A city that does not list its car types takes small and large cars, the document's usual pair. */
const DEFAULT_CAR_TYPES: DocloudCarType[] = ['01', '02'];

export function toConditions(data: unknown): DocloudProvinceConditions[] {
  return asArray(data, 'conditions').map((entry) => {
    const province = asObject(entry, 'province');
    return {
      province: text(province.province, 'province'),
      cities: asArray(province.list, 'list').map((item) => {
        const city = asObject(item, 'city');
        const carTypes = asArray(city.carTypes, 'carTypes').map((type) => text(type, 'carType') as DocloudCarType);
        return {
          city: text(city.city, 'city'),
          cityPrefix: text(city.cityPrefix ?? city.prefix, 'cityPrefix'),
          vinLength: optInt(city.vinLength) ?? 0,
          engineNoLength: optInt(city.engineNoLength) ?? 0,
          carTypes: carTypes.length ? carTypes : [...DEFAULT_CAR_TYPES],
        };
      }),
    };
  });
}

/** One violation from a query, a price quote, an order detail or a change callback. */
export function toViolation(value: unknown): DocloudViolation {
  const v = asObject(value, 'violation');
  return compact({
    code: id(v.code, 'violation code'),
    time: text(v.time, 'violation time'),
    fineFen: fen(v.fine ?? 0, 'fine'),
    address: optText(v.address) ?? '',
    reason: optText(v.reason) ?? '',
    point: optInt(v.point) ?? 0,
    violationCity: optText(v.violationCity) || undefined,
    province: optText(v.province) || undefined,
    city: optText(v.city) || undefined,
    serviceFeeFen: optFen(v.serviceFee),
    markFeeFen: optFen(v.markFee),
    canSelect: flag(v.canSelect),
    processStatus: optOneOf(v.processStatus ?? v.process_status, PROCESS),
    paymentStatus: optOneOf(v.paymentStatus, [1, 2] as const),
    needTravelLicense: flag(v.needTravelLicense),
    processType: optInt(v.processType),
    violationNum: optText(v.violationNum) || undefined,
    violationWritNo: optText(v.violationWritNo) || undefined,
    organName: optText(v.organName) || undefined,
  });
}

export function toViolationResult(data: unknown): DocloudViolationResult {
  const d = asObject(data, 'data');
  const violations = asArray(d.violations, 'violations').map(toViolation);
  return compact({
    token: optText(d.token),
    totalFineFen: optFen(d.totalFine) ?? violations.reduce((sum, v) => sum + v.fineFen, 0),
    totalPoints: optInt(d.totalPoints) ?? 0,
    untreated: optInt(d.untreated) ?? violations.filter((v) => v.processStatus === 1).length,
    violations,
  });
}

export function toOrderViolationStatus(value: unknown): DocloudOrderViolationStatus {
  const v = asObject(value, 'violation');
  // The status example writes process_status, the table processStatus.
  return {
    code: id(v.code, 'violation code'),
    processStatus: oneOf(v.processStatus ?? v.process_status, PROCESS, 'processStatus'),
  };
}

export function toOrderStatusCode(value: unknown): DocloudOrderStatusCode {
  return oneOf(value, ORDER, 'orderStatus');
}

export function toOrderStatus(data: unknown): DocloudOrderStatus {
  const d = asObject(data, 'data');
  return compact({
    orderId: id(d.orderId, 'orderId'),
    orderStatus: toOrderStatusCode(d.orderStatus),
    modifyTime: optText(d.modifyTime),
    violations: asArray(d.violations, 'violations').map(toOrderViolationStatus),
  });
}

export function toOrderDetail(data: unknown): DocloudOrderDetail {
  const d = asObject(data, 'data');
  return compact({
    orderId: id(d.orderId, 'orderId'),
    orderStatus: toOrderStatusCode(d.orderStatus),
    orderCreateTime: optText(d.orderCreateTime) || undefined,
    orderPayTime: optText(d.orderPayTime) || undefined,
    orderCloseTime: optText(d.orderCloseTime) || undefined,
    orderPriceFen: fen(d.orderPrice, 'orderPrice'),
    payUrl: optText(d.payUrl) || undefined,
    plateNumber: optText(d.plateNumber)?.trim() || undefined,
    cancelReason: optText(d.cancelReason) || undefined,
    violations: asArray(d.violations, 'violations').map(toViolation),
  });
}

export function toOrderId(data: unknown): string {
  return id(asObject(data, 'data').orderId, 'orderId');
}

export function toCountProvinces(data: unknown): DocloudCountProvince[] {
  return asArray(data, 'cities').map((entry) => {
    const p = asObject(entry, 'province');
    return {
      province: text(p.province, 'province'),
      prefix: text(p.prefix, 'prefix'),
      cities: asArray(p.list, 'list').map((item) => {
        const c: Json = asObject(item, 'city');
        return { city: text(c.city, 'city'), cityPrefix: text(c.cityPrefix ?? c.prefix, 'cityPrefix') };
      }),
    };
  });
}

export function toCounts(data: unknown): DocloudViolationCounts {
  const d = asObject(data, 'data');
  return {
    total: int(d.total ?? 0, 'total'),
    otherProvince: int(d.otherProvince ?? 0, 'otherProvince'),
    localProvince: int(d.localProvince ?? 0, 'localProvince'),
    localCity: int(d.localCity ?? 0, 'localCity'),
  };
}
