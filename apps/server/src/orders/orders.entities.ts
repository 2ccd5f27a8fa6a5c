import { OrderEvent } from './order-event.entity.js';
import { Order } from './order.entity.js';

/** The entities `orders/` owns: its module registers them, the composition root hands them to the data source. */
export const ORDERS_ENTITIES = [OrderEvent, Order];
