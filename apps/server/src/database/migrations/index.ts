import { InitialSchema1763800000000 } from './1763800000000-initial-schema.js';
import { IdPhoto1763900000000 } from './1763900000000-id-photo.js';
import { Invoices1763900001000 } from './1763900001000-invoices.js';
import { Identity1763900002000 } from './1763900002000-identity.js';
import { Vehicles1763900003000 } from './1763900003000-vehicles.js';
import { Inspection1763900004000 } from './1763900004000-inspection.js';
import { MerchantConsole1763900005000 } from './1763900005000-merchant-console.js';
import { InspectionUnconfirmed1763900006000 } from './1763900006000-inspection-unconfirmed.js';
import { OrderAmountIndex1764000100000 } from './1764000100000-order-amount-index.js';
import { UniqueVendorRef1764000800000 } from './1764000800000-unique-vendor-ref.js';
import { Notifications1764000500000 } from './1764000500000-notifications.js';
import { MerchantSessionVersion1764000300000 } from './1764000300000-merchant-session-version.js';
import { Payments1764000900000 } from './1764000900000-payments.js';
import { PaymentLines1764001200000 } from './1764001200000-payment-lines.js';
import { IdentityPaidAttempts1764001300000 } from './1764001300000-identity-paid-attempts.js';
import { Reconciliation1764001600000 } from './1764001600000-reconciliation.js';
import { OutgoingCalls1764001700000 } from './1764001700000-outgoing-calls.js';

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
  OrderAmountIndex1764000100000,
  MerchantSessionVersion1764000300000,
  Notifications1764000500000,
  UniqueVendorRef1764000800000,
  Payments1764000900000,
  PaymentLines1764001200000,
  IdentityPaidAttempts1764001300000,
  Reconciliation1764001600000,
  OutgoingCalls1764001700000,
];
