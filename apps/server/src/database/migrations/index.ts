import { InitialSchema1763800000000 } from './1763800000000-initial-schema.js';
import { IdPhoto1763900000000 } from './1763900000000-id-photo.js';
import { Invoices1763900001000 } from './1763900001000-invoices.js';
import { Identity1763900002000 } from './1763900002000-identity.js';
import { Vehicles1763900003000 } from './1763900003000-vehicles.js';
import { Inspection1763900004000 } from './1763900004000-inspection.js';
import { MerchantConsole1763900005000 } from './1763900005000-merchant-console.js';
import { InspectionUnconfirmed1763900006000 } from './1763900006000-inspection-unconfirmed.js';

/** Every migration, in order. Both MySQL and SQLite run the same list at start-up. */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  IdPhoto1763900000000,
  Invoices1763900001000,
  Identity1763900002000,
  Vehicles1763900003000,
  Inspection1763900004000,
  MerchantConsole1763900005000,
  InspectionUnconfirmed1763900006000,
];
