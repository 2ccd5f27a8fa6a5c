import type { ConsoleOrderQuery, ExportFormat } from './types';

/**
 * The one interface of `export-orders.h5.ts` (a browser download) and `export-orders.weapp.ts`
 * (`downloadFile` + `openDocument`): every order matching the filters, as the server streams it.
 */
export interface OrderExporter {
  /** What the platform can open: WeChat's `openDocument` reads XLSX but not CSV. */
  formats: ExportFormat[];
  exportOrders(query: ConsoleOrderQuery, format: ExportFormat): Promise<void>;
}

export const EXPORT_PATH = '/api/merchant/orders/export';
