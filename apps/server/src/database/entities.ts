import { Merchant } from '../auth/merchant.entity.js';
import { VendorEvent } from '../callbacks/vendor-event.entity.js';
import { Lease } from '../common/locks/lease.entity.js';
import { StoredFile } from '../common/storage/stored-file.entity.js';
import { OrderEvent } from '../orders/order-event.entity.js';
import { Order } from '../orders/order.entity.js';
import { User } from '../users/user.entity.js';

/** Every entity, listed once: the data source is built from this list (no glob loading under ESM). */
export const ENTITIES = [User, Merchant, Order, OrderEvent, VendorEvent, StoredFile, Lease];
