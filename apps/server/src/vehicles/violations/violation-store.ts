import type {
  DocloudOrderViolationStatus,
  DocloudViolation,
  DocloudViolationResult,
} from '@banshi/vendor-clients/docloud';
import type { EntityManager } from 'typeorm';
import { updateRows } from '../../database/row-statements.js';
import { VehicleCar } from '../entities/car.entity.js';
import { StoredViolation } from '../entities/stored-violation.entity.js';

/**
 * The columns a vendor violation sets; what the vendor left out stays as stored. With `known`
 * (a monitoring list), a handled (3) or paid (2) violation stays so: those states never go back,
 * so a list showing otherwise is older than what is stored about that violation (an order that
 * completed since, say).
 */
function fieldsOf(v: DocloudViolation, known?: StoredViolation): Partial<StoredViolation> {
  const fields: Partial<StoredViolation> = {
    occurredAt: v.time.slice(0, 19),
    fineFen: v.fineFen,
    points: v.point,
    address: v.address.slice(0, 255),
    reason: v.reason.slice(0, 255),
    needTravelLicense: v.needTravelLicense,
  };
  if (v.processStatus !== undefined && known?.processStatus !== 3) fields.processStatus = v.processStatus;
  if (v.paymentStatus !== undefined && known?.paymentStatus !== 2) fields.paymentStatus = v.paymentStatus;
  if (v.violationCity) fields.violationCity = v.violationCity.slice(0, 32);
  if (v.province) fields.province = v.province.slice(0, 32);
  if (v.city) fields.city = v.city.slice(0, 32);
  if (v.organName) fields.organName = v.organName.slice(0, 128);
  return fields;
}

function feesOf(v: DocloudViolation): Partial<StoredViolation> {
  return {
    serviceFeeFen: v.serviceFeeFen ?? null,
    markFeeFen: v.markFeeFen ?? null,
    // Without a fee the price cannot be checked against the vendor's, so it cannot be ordered.
    canSelect: v.canSelect && v.serviceFeeFen !== undefined,
  };
}

export async function storedViolations(manager: EntityManager, carId: number): Promise<StoredViolation[]> {
  return manager.find(StoredViolation, { where: { carId }, order: { occurredAt: 'DESC', id: 'DESC' } });
}

/**
 * A query answer is the car's whole list: store it as it is (new codes added, known ones updated,
 * codes the vendor no longer lists removed) and remember when, in which mode, and the token.
 */
export async function replaceFromQuery(
  manager: EntityManager,
  car: VehicleCar,
  result: DocloudViolationResult,
  deductSelf: boolean,
  at: Date,
): Promise<void> {
  await writeList(manager, car.id, result.violations, true, at);
  const patch: Partial<VehicleCar> = {
    violationsAt: at,
    violationsSource: 'query',
    violationsDeductSelf: deductSelf,
    updatedAt: at,
  };
  if (result.token) patch.vendorToken = result.token;
  await manager.update(VehicleCar, { id: car.id }, patch);
  Object.assign(car, patch);
}

/**
 * 《车辆违章信息变更通知》 also carries the whole current list, but its fees are optional ("需申请"):
 * fees and selectability already known from a query are kept, and so are handled states (see
 * `fieldsOf`). `listAt` is the list's own time (the notification's), kept as `violationsAt` so the
 * next list can be told newer or older. Answers the codes the car did not have before that are
 * still untreated: what the user is told about.
 */
export async function mergeFromCallback(
  manager: EntityManager,
  car: VehicleCar,
  violations: DocloudViolation[],
  at: Date,
  listAt: Date = at,
): Promise<DocloudViolation[]> {
  const before = new Set((await storedViolations(manager, car.id)).map((v) => v.code));
  await writeList(manager, car.id, violations, false, at);
  const patch = { violationsAt: listAt, violationsSource: 'callback' as const, updatedAt: at };
  await manager.update(VehicleCar, { id: car.id }, patch);
  Object.assign(car, patch);
  return violations.filter((v) => !before.has(v.code) && (v.processStatus ?? 1) === 1);
}

/** Violations the user typed in and the vendor priced (《直通车查询报价》): added beside the car's own. */
export async function addQuoted(
  manager: EntityManager,
  car: VehicleCar,
  result: DocloudViolationResult,
  at: Date,
): Promise<void> {
  await writeList(manager, car.id, result.violations, true, at, false);
  if (result.token && result.token !== car.vendorToken) {
    await manager.update(VehicleCar, { id: car.id }, { vendorToken: result.token, updatedAt: at });
    car.vendorToken = result.token;
  }
}

/** An order's violations as the vendor reports them (2 while ordered, 3 handled, 1 again if refunded). */
export async function applyOrderStatuses(
  manager: EntityManager,
  carId: number,
  statuses: DocloudOrderViolationStatus[],
  at: Date,
): Promise<void> {
  for (const { code, processStatus } of statuses) {
    await updateRows(manager, StoredViolation, { carId, code }, { processStatus, updatedAt: at });
  }
}

async function writeList(
  manager: EntityManager,
  carId: number,
  violations: DocloudViolation[],
  withFees: boolean,
  at: Date,
  wholeList = true,
): Promise<void> {
  const stored = await storedViolations(manager, carId);
  const byCode = new Map(stored.map((v) => [v.code, v]));
  const listed = new Set<string>();
  for (const v of violations) {
    if (listed.has(v.code)) continue;
    listed.add(v.code);
    const known = byCode.get(v.code);
    if (known) {
      // A query answer is the vendor's state now; a monitoring list may be older for one violation.
      const patch = { ...fieldsOf(v, withFees ? undefined : known), ...(withFees ? feesOf(v) : {}), updatedAt: at };
      await manager.update(StoredViolation, { id: known.id }, patch);
    } else {
      await manager.insert(StoredViolation, {
        carId,
        code: v.code.slice(0, 64),
        processStatus: null,
        paymentStatus: null,
        violationCity: null,
        province: null,
        city: null,
        organName: null,
        ...fieldsOf(v),
        ...feesOf(v),
        firstSeenAt: at,
        updatedAt: at,
      });
    }
  }
  if (!wholeList) return;
  const gone = stored.filter((v) => !listed.has(v.code)).map((v) => v.id);
  if (gone.length) await manager.delete(StoredViolation, gone);
}
