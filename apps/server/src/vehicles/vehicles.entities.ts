import { VehicleCar } from './entities/car.entity.js';
import { StoredViolation } from './entities/stored-violation.entity.js';
import { ViolationOrder } from './entities/violation-order.entity.js';

/** The entities `vehicles/` owns: its module registers them, the composition root hands them to the data source. */
export const VEHICLES_ENTITIES = [VehicleCar, StoredViolation, ViolationOrder];
