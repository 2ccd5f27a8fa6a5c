/**
 * The server's invoice contract (`/api/invoices`), as generated from its OpenAPI document (server:
 * apps/server/src/invoices/dto). Personal data arrives masked. `pnpm openapi` regenerates `schema.d.ts`.
 */
import type { components, operations } from '../../../shared/api/schema';

type Schemas = components['schemas'];

export type InvoiceScanSummary = Schemas['InvoiceScanSummaryDto'];
/** Our names of Yundou's bill types, and `other` for a type the server does not know. */
export type InvoiceBillType = NonNullable<InvoiceScanSummary['billType']>;
/** `unpaid`: a priced photo waiting for its payment; `closed`: never paid, its order closed. */
export type ScanStatus = Schemas['ScanStatus'];
export type ScanSource = Schemas['ScanSource'];
/** The earlier scan a duplicate repeats: that one is counted. */
export type DuplicateRef = Schemas['DuplicateRefDto'];
export type QrFields = Schemas['QrFieldsDto'];
/** The typed bill of the vendor; every field may be missing because recognition can miss it. */
export type Bill = Schemas['BillDto'];
export type Coded = Schemas['BillCodedDto'];
export type Party = Schemas['BillPartyDto'];
export type VatItem = Schemas['BillItemDto'];
/** A scan in full; `photoUrl` is signed, relative (`/api/files/...`), valid for an hour. */
export type InvoiceScan = Schemas['InvoiceScanDto'];
export type InvoiceTotals = Schemas['InvoiceTotalsDto'];
export type InvoicePage = Schemas['InvoicePageDto'];
export type MonthTotals = Schemas['MonthTotalsDto'];
export type InvoiceMonthsDto = Schemas['InvoiceMonthsDto'];
export type ExportFormat = NonNullable<operations['InvoicesController_export']['parameters']['query']>['format'];

/** The list's filters as the page holds them (null: no filter); the query leaves the nulls out. */
export interface InvoiceFilters {
  type: InvoiceBillType | null;
  month: string | null;
  reimbursed: boolean | null;
}

export const NO_FILTERS: InvoiceFilters = { type: null, month: null, reimbursed: null };
