import { Merchant } from './merchant.entity.js';

/** The entities `auth/` owns: its module registers them, the composition root hands them to the data source. */
export const AUTH_ENTITIES = [Merchant];
