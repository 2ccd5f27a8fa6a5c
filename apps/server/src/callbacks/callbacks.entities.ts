import { VendorEvent } from './vendor-event.entity.js';

/** The entities `callbacks/` owns: its module registers them, the composition root hands them to the data source. */
export const CALLBACKS_ENTITIES = [VendorEvent];
