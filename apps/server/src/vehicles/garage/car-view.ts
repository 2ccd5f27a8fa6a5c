import { describeLengthRule, DOCLOUD_CAR_TYPES, type DocloudViolationCounts } from '@banshi/vendor-clients/docloud';
import { maskTail } from '../../common/crypto/masking.js';
import type { CarDto, CountsDto, ViolationSummaryDto } from '../dto/car.dto.js';
import type { VehicleCar } from '../entities/car.entity.js';
import type { StoredViolation } from '../entities/stored-violation.entity.js';
import { maskPlate } from './plate.js';
import type { CityRule } from './city-rules.service.js';

/** Whether a stored violation can be put in an order now. */
export function isPayable(v: Pick<StoredViolation, 'canSelect' | 'processStatus'>): boolean {
  return v.canSelect && v.processStatus === 1;
}

export function summarise(car: VehicleCar, violations: StoredViolation[]): ViolationSummaryDto {
  const untreated = violations.filter((v) => v.processStatus === 1);
  return {
    untreated: untreated.length,
    totalFineFen: untreated.reduce((sum, v) => sum + v.fineFen, 0),
    totalPoints: untreated.reduce((sum, v) => sum + v.points, 0),
    payable: violations.filter(isPayable).length,
    queriedAt: car.violationsAt?.toISOString() ?? null,
  };
}

export function countsOf(car: VehicleCar): CountsDto | null {
  if (!car.countsJson || !car.countsAt) return null;
  const counts = JSON.parse(car.countsJson) as DocloudViolationCounts;
  return { ...counts, updatedAt: car.countsAt.toISOString() };
}

/** Counts need the last six characters of the engine number (《查询违章条数》). */
export function countsNote(car: VehicleCar): string | null {
  if (!car.engineNo || car.engineNo.length < 6) return '该城市车辆无需发动机号后6位，暂不支持按地区统计违章条数';
  return null;
}

/** A car as its owner sees it: plate, VIN and engine number masked. */
export function toCarDto(car: VehicleCar, violations: StoredViolation[], rule?: CityRule): CarDto {
  return {
    id: car.id,
    plateNumber: maskPlate(car.plateNumber),
    carType: car.carType,
    carTypeLabel: DOCLOUD_CAR_TYPES[car.carType] ?? car.carType,
    city: car.city,
    province: car.province,
    cityPrefix: car.cityPrefix,
    vin: maskTail(car.vin),
    engineNo: maskTail(car.engineNo),
    vinHint: rule ? rule.vinHint : car.vin ? describeLengthRule('车架号', car.vin.length) : '无需车架号',
    engineNoHint: rule
      ? rule.engineNoHint
      : car.engineNo
        ? describeLengthRule('发动机号', car.engineNo.length)
        : '无需发动机号',
    monitor: { enabled: car.monitorWanted, state: car.monitorState, message: car.monitorMessage },
    counts: countsOf(car),
    countsNote: countsNote(car),
    violations: summarise(car, violations),
    deductSelfReady: car.deductSelfAt !== null,
    travelLicenseUploaded: car.licenseUploadedAt !== null,
    createdAt: car.createdAt.toISOString(),
  };
}
