import type { VehicleCar } from '../entities/car.entity.js';

/** What a user tells about a car when adding it; everything else starts empty. */
export type NewCarFacts = Pick<
  VehicleCar,
  'userId' | 'plateNumber' | 'plateIndex' | 'carType' | 'city' | 'province' | 'cityPrefix' | 'vin' | 'engineNo'
>;

/** A garage car as it is first stored: not monitored, nothing queried, no documents. */
export function newCarRow(facts: NewCarFacts, now = new Date()): Omit<VehicleCar, 'id'> {
  return {
    ...facts,
    vendorToken: null,
    monitorWanted: false,
    monitorState: 'off',
    monitorMessage: null,
    countsJson: null,
    countsAt: null,
    violationsAt: null,
    violationsSource: null,
    violationsDeductSelf: false,
    driveNum: null,
    fileNum: null,
    deductSelfAt: null,
    licenseFrontFile: null,
    licenseBackFile: null,
    licenseUploadedAt: null,
    removedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
