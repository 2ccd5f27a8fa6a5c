import { In, IsNull, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { chinaDayOf, chinaDayStart } from '../../orders/china-day.js';
import { VehicleCar } from '../entities/car.entity.js';
import { StoredViolation } from '../entities/stored-violation.entity.js';

/**
 * What keeps add → query → remove → add again from buying a paid Docloud query each round: a
 * bounded number of additions per China day, and a removed car's recent answer carried over to the
 * same plate added again by the same user.
 */

/** Refuses an addition beyond the day's allowance; rows of removed cars count, they were added too. */
export async function checkDailyAdds(manager: EntityManager, userId: number, limit: number, now: Date): Promise<void> {
  const added = await manager.count(VehicleCar, {
    where: { userId, createdAt: MoreThanOrEqual(chinaDayStart(chinaDayOf(now))) },
  });
  if (added >= limit) {
    throw AppError.tooManyRequests(
      'CAR_ADDS_DAILY_LIMIT',
      `今天添加车辆次数已达上限（${limit}次），请明天再试；已在车库中的车辆可照常查询违章`,
    );
  }
}

/** Whether a car's stored list is a query answer young enough to be served without asking again. */
export function isFreshQuery(car: VehicleCar, freshSeconds: number, now: Date): boolean {
  return (
    car.violationsSource === 'query' &&
    car.violationsAt !== null &&
    car.violationsAt.getTime() >= now.getTime() - freshSeconds * 1000
  );
}

/**
 * A new car takes over the list of the same plate the user removed within the freshness window:
 * the same answer the vendor would give again, and paid for already. Self-deduct answers are not
 * carried over: the new car has no driver's licence yet. Lists of the user's other removed cars
 * are dropped here, as removal would have done.
 */
export async function carryOverRecentList(
  manager: EntityManager,
  car: VehicleCar,
  freshSeconds: number,
  now: Date,
): Promise<StoredViolation[]> {
  const removed = await manager.find(VehicleCar, {
    where: { userId: car.userId, removedAt: Not(IsNull()), id: Not(car.id) },
    order: { removedAt: 'DESC' },
  });
  const latest = removed.find((old) => old.plateIndex === car.plateIndex);
  const source = latest && !latest.violationsDeductSelf && isFreshQuery(latest, freshSeconds, now) ? latest : undefined;
  const others = removed.filter((old) => old !== source).map((old) => old.id);
  if (others.length) await manager.delete(StoredViolation, { carId: In(others) });
  if (!source) return [];
  await manager.update(StoredViolation, { carId: source.id }, { carId: car.id });
  const patch = { violationsAt: source.violationsAt, violationsSource: source.violationsSource };
  await manager.update(VehicleCar, { id: car.id }, patch);
  // The list has moved: the removed row no longer holds one to carry over.
  await manager.update(VehicleCar, { id: source.id }, { violationsAt: null, violationsSource: null });
  Object.assign(car, patch);
  return manager.find(StoredViolation, { where: { carId: car.id }, order: { occurredAt: 'DESC', id: 'DESC' } });
}
