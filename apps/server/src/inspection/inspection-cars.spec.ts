import type { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import type { LeaseService } from '../common/locks/lease.service.js';
import { InspectionCars } from './inspection-cars.service.js';
import type { InspectionVendor } from './inspection-vendor.service.js';

describe('InspectionCars without a garage', () => {
  // Until the vehicles service provides GARAGE_READER, the dependency is optional and absent.
  const cars = new InspectionCars(null, {} as InspectionVendor, {} as LeaseService, {} as DataSource);

  it.each([
    ['listing cars', () => cars.list(1)],
    ['reading a car', () => cars.get(1, 2)],
    ['quoting', () => cars.preOrder(1, 2)],
  ])('%s answers 409 "请先在车辆页添加车辆"', async (_name, call) => {
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).getStatus()).toBe(409);
    expect((error as AppError).getResponse()).toEqual({ code: 'GARAGE_UNAVAILABLE', message: '请先在车辆页添加车辆' });
  });
});
