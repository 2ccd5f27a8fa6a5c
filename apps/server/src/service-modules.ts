import type { Type } from '@nestjs/common';
import { IdPhotoModule } from './id-photo/id-photo.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { InspectionModule } from './inspection/inspection.module.js';
import { InvoicesModule } from './invoices/invoices.module.js';
import { MerchantModule } from './merchant/merchant.module.js';
import { VehiclesModule } from './vehicles/vehicles.module.js';

/** The service modules (one per errand). Each service issue adds its module here. */
export const SERVICE_MODULES: Type[] = [
  IdentityModule,
  IdPhotoModule,
  InvoicesModule,
  InspectionModule,
  VehiclesModule,
  MerchantModule,
];
