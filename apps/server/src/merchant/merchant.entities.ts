import { MerchantAuditLog } from './audit/merchant-audit-log.entity.js';

/** The entities `merchant/` owns: its module registers them, the composition root hands them to the data source. */
export const MERCHANT_ENTITIES = [MerchantAuditLog];
