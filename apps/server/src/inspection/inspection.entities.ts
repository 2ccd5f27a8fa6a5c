import { InspectionAccount } from './entities/inspection-account.entity.js';
import { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import { InspectionVehicle } from './entities/inspection-vehicle.entity.js';

/** The entities `inspection/` owns: its module registers them, the composition root hands them to the data source. */
export const INSPECTION_ENTITIES = [InspectionAccount, InspectionOrderDetail, InspectionVehicle];
