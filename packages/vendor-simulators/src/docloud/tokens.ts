import { randomInt } from 'node:crypto';
import type { DocloudCarType } from '@banshi/vendor-clients/docloud';
import type { SimContext } from './context.js';
import { fail } from './route-kit.js';
import type { ViolationToken } from './state.js';

export interface CarToBind {
  plateNumber: string;
  carType: DocloudCarType;
  vin?: string;
  engineNo?: string;
}

/** Whether this phone already holds this plate (1036 for 《获取token》). */
export function phoneHolds(ctx: SimContext, phone: string, plate: string): boolean {
  return ctx.state.platesByPhone.get(phone)?.has(plate) ?? false;
}

/**
 * The token of a car (and phone, when given): the same pair always gets the same token back.
 * A phone holds at most 3 plates (1037).
 */
export function bindCar(ctx: SimContext, car: CarToBind, phone?: string): ViolationToken {
  const key = `${phone ?? ''}|${car.plateNumber}`;
  const existing = ctx.state.tokenByCar.get(key);
  if (existing) {
    const record = ctx.state.tokens.get(existing) as ViolationToken;
    Object.assign(record, {
      carType: car.carType,
      vin: car.vin ?? record.vin,
      engineNo: car.engineNo ?? record.engineNo,
    });
    return record;
  }
  if (phone) {
    const plates = ctx.state.platesByPhone.get(phone) ?? new Set<string>();
    if (!plates.has(car.plateNumber) && plates.size >= 3) throw fail('1037');
    plates.add(car.plateNumber);
    ctx.state.platesByPhone.set(phone, plates);
  }
  let token: string;
  do token = `${randomInt(10_000_000, 99_999_999)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  while (ctx.state.tokens.has(token));
  const record: ViolationToken = { token, phone, travelLicenseUploaded: false, ...car };
  ctx.state.tokens.set(token, record);
  ctx.state.tokenByCar.set(key, token);
  return record;
}

/** 1110 for no token, 1101 for one the simulator never gave. */
export function tokenRecord(ctx: SimContext, token: unknown): ViolationToken {
  if (token === undefined || token === null || String(token).trim() === '') throw fail('1110');
  const record = ctx.state.tokens.get(String(token).trim());
  if (!record) throw fail('1101');
  return record;
}
