import { Payment } from './entities/payment.entity.js';
import { Refund } from './entities/refund.entity.js';
import { ServicePrice } from './entities/service-price.entity.js';
import { ReconciliationMismatch } from './reconciliation/reconciliation-mismatch.entity.js';
import { ReconciliationRun } from './reconciliation/reconciliation-run.entity.js';

/** The entities `payments/` owns: its module registers them, the composition root hands them to the data source. */
export const PAYMENTS_ENTITIES = [Payment, Refund, ServicePrice, ReconciliationMismatch, ReconciliationRun];
