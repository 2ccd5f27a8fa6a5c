import { VIOLATION_PROCESS_STATUS, type ViolationProcessStatus } from '@banshi/vendor-clients/docloud';
import type { ViolationDto, ViolationListDto } from '../dto/violation.dto.js';
import type { VehicleCar } from '../entities/car.entity.js';
import type { StoredViolation } from '../entities/stored-violation.entity.js';
import { isPayable, summarise } from '../garage/car-view.js';
import { maskPlate } from '../garage/plate.js';

/** Why a violation cannot be put in an order, in words the user can act on. */
export function selectNote(v: StoredViolation, deductSelfMode: boolean): string | null {
  if (isPayable(v)) return null;
  switch (v.processStatus) {
    case 2:
      return '正在办理中';
    case 3:
      return '已处理完毕';
    case 4:
      return '暂不支持线上办理，请到当地交管部门处理';
  }
  if (v.points > 0 && !deductSelfMode) return '扣分违章需驾驶证本人办理：完成“自扣分验证”后可代办';
  if (v.serviceFeeFen === null) return '暂无代办报价，请刷新违章列表';
  return '该违章所在城市暂不支持代缴';
}

export function toViolationDto(v: StoredViolation, deductSelfMode: boolean): ViolationDto {
  return {
    code: v.code,
    time: v.occurredAt,
    address: v.address,
    reason: v.reason,
    city: v.violationCity ?? v.city,
    fineFen: v.fineFen,
    points: v.points,
    serviceFeeFen: v.serviceFeeFen,
    markFeeFen: v.markFeeFen,
    canSelect: isPayable(v),
    selectNote: selectNote(v, deductSelfMode),
    processStatus: v.processStatus,
    processStatusLabel: v.processStatus
      ? (VIOLATION_PROCESS_STATUS[v.processStatus as ViolationProcessStatus] ?? '未知')
      : '未知',
    paymentStatus: v.paymentStatus,
    needTravelLicense: v.needTravelLicense,
  };
}

export function toViolationList(
  car: VehicleCar,
  violations: StoredViolation[],
  stale: { reason: string } | null = null,
): ViolationListDto {
  return {
    carId: car.id,
    plateNumber: maskPlate(car.plateNumber),
    city: car.city,
    queriedAt: car.violationsAt?.toISOString() ?? null,
    stale: stale !== null,
    staleReason: stale?.reason ?? null,
    summary: summarise(car, violations),
    deductSelfReady: car.deductSelfAt !== null,
    travelLicenseUploaded: car.licenseUploadedAt !== null,
    items: violations.map((v) => toViolationDto(v, car.violationsDeductSelf)),
  };
}
