import { AUTH_ENTITIES } from './auth/auth.entities.js';
import { CALLBACKS_ENTITIES } from './callbacks/callbacks.entities.js';
import { COMMON_ENTITIES } from './common/common.entities.js';
import { CONTENT_SAFETY_ENTITIES } from './content-safety/content-safety.entities.js';
import { ID_PHOTO_ENTITIES } from './id-photo/id-photo.entities.js';
import { IDENTITY_ENTITIES } from './identity/identity.entities.js';
import { INSPECTION_ENTITIES } from './inspection/inspection.entities.js';
import { INVOICES_ENTITIES } from './invoices/invoices.entities.js';
import { MERCHANT_ENTITIES } from './merchant/merchant.entities.js';
import { NOTIFICATIONS_ENTITIES } from './notifications/notifications.entities.js';
import { ORDERS_ENTITIES } from './orders/orders.entities.js';
import { OUTGOING_CALLS_ENTITIES } from './outgoing-calls/outgoing-calls.entities.js';
import { PAYMENTS_ENTITIES } from './payments/payments.entities.js';
import { USERS_ENTITIES } from './users/users.entities.js';
import { VEHICLES_ENTITIES } from './vehicles/vehicles.entities.js';

/**
 * Every entity, gathered from the modules that own them (no glob loading under ESM). This is the
 * composition root's list: `database/` knows no module, so the app, the CLI and the tests hand it to
 * `dataSourceOptions`. A module adding an entity adds it to its own `*.entities.ts`.
 */
export const ENTITIES = [
  ...USERS_ENTITIES,
  ...AUTH_ENTITIES,
  ...ORDERS_ENTITIES,
  ...CALLBACKS_ENTITIES,
  ...COMMON_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...ID_PHOTO_ENTITIES,
  ...INVOICES_ENTITIES,
  ...INSPECTION_ENTITIES,
  ...MERCHANT_ENTITIES,
  ...VEHICLES_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...CONTENT_SAFETY_ENTITIES,
  ...PAYMENTS_ENTITIES,
  ...OUTGOING_CALLS_ENTITIES,
];
