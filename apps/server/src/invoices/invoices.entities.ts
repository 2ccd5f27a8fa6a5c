import { InvoiceScan } from './entities/invoice-scan.entity.js';

/** The entities `invoices/` owns: its module registers them, the composition root hands them to the data source. */
export const INVOICES_ENTITIES = [InvoiceScan];
