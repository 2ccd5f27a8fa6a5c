import type { ExportFormat, InvoiceFilters } from '../api/types';

/** Downloads the filtered list as a file and hands it to the user (open it, or save it). */
export type SaveExport = (format: ExportFormat, filters: InvoiceFilters) => Promise<void>;

export class ExportError extends Error {}
