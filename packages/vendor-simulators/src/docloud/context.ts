import type { InspectionDesk } from './inspection-desk.js';
import type { OrderDesk } from './order-desk.js';
import type { DeskContext } from './types.js';

export type { DeskContext, DocloudTimings } from './types.js';

/** What the routes share: the desks' context and the desks. */
export interface SimContext extends DeskContext {
  readonly orders: OrderDesk;
  readonly inspection: InspectionDesk;
}
