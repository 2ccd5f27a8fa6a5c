import type { PaymentViewDto } from '../../../shared/api/types';

/** The server's invoice contract (`/api/invoices`), as this feature reads it. Personal data arrives masked. */

export type InvoiceBillType =
  | 'train'
  | 'didi'
  | 'flight'
  | 'taxi'
  | 'coach'
  | 'quota'
  | 'toll'
  | 'utilities'
  | 'bus'
  | 'office_supplies'
  | 'lodging'
  | 'parking'
  | 'courier'
  | 'phone'
  | 'ship'
  | 'ticket'
  | 'fuel'
  | 'transit_card'
  | 'bank'
  | 'vat_special'
  | 'vat_ordinary'
  | 'other';

/** `unpaid`: a priced photo waiting for its payment; `closed`: never paid, its order closed. */
export type ScanStatus = 'unpaid' | 'recognising' | 'recognised' | 'failed' | 'closed';
export type ScanSource = 'photo' | 'qr_text' | 'qr_image';

export interface DuplicateRef {
  id: number;
  orderNo: string;
  scannedAt: string;
  reimbursedAt: string | null;
}

export interface InvoiceScanSummary {
  id: number;
  orderId: number;
  orderNo: string;
  orderStatus: string;
  source: ScanSource;
  status: ScanStatus;
  billType: InvoiceBillType | null;
  typeLabel: string | null;
  /** Reimbursable amount in fen (VAT: 价税合计). */
  amountFen: number | null;
  issueDate: string | null;
  /** `YYYY-MM`. */
  month: string;
  invoiceCode: string | null;
  invoiceNumber: string | null;
  fullyDigital: boolean;
  duplicateOf: DuplicateRef | null;
  reimbursedAt: string | null;
  failureMessage: string | null;
  retryable: boolean;
  createdAt: string;
  recognisedAt: string | null;
}

export interface QrFields {
  typeCode: string;
  typeLabel: string;
  fullyDigital: boolean;
  invoiceCode: string | null;
  invoiceNumber: string;
  amountFen: number;
  issueDate: string;
  checkCodeLast6: string | null;
}

export interface Coded {
  code: number;
  label: string;
}

export interface Party {
  name?: string;
  bank?: string;
  account?: string;
  tel?: string;
  address?: string;
  taxId?: string;
}

export interface VatItem {
  name?: string;
  specification?: string;
  unit?: string;
  quantity?: string;
  unitPrice?: string;
  amountFen?: number;
  taxFen?: number;
  taxRate?: string;
}

/** The typed bill of the vendor; every field may be missing because recognition can miss it. */
export interface Bill {
  type: InvoiceBillType;
  vendorType: string;
  signDate?: string;
  amountFen?: number;
  invoiceCode?: string;
  invoiceNumber?: string;
  producer?: Coded;
  chapter?: Coded;
  territory?: Coded;
  invoiceOrder?: Coded;
  fullName?: string;
  idNumber?: string;
  mobile?: string;
  time?: string;
  licenseNumber?: string;
  expenseType?: string;
  city?: string;
  province?: string;
  taxFen?: number;
  totalFen?: number;
  checkCode?: string;
  payer?: Party;
  payee?: Party;
  items?: VatItem[];
  /** `other` bills: the fields as the vendor sent them. */
  data?: Record<string, unknown>;
}

export interface InvoiceScan extends InvoiceScanSummary {
  /** Signed, relative (`/api/files/...`), valid for an hour. */
  photoUrl: string | null;
  bill: Bill | null;
  qr: QrFields | null;
  warnings: string[];
  retryOfId: number | null;
  replacedById: number | null;
  /** Priced photo recognitions only: 待支付 until paid, then what was paid and refunded. */
  payment: PaymentViewDto | null;
}

export interface InvoiceTotals {
  count: number;
  amountFen: number;
  duplicates: number;
}

export interface InvoicePage {
  items: InvoiceScanSummary[];
  nextCursor: string | null;
  totals: InvoiceTotals;
}

export interface MonthTotals extends InvoiceTotals {
  month: string;
  unfinished: number;
}

export interface InvoiceFilters {
  type: InvoiceBillType | null;
  month: string | null;
  reimbursed: boolean | null;
}

export const NO_FILTERS: InvoiceFilters = { type: null, month: null, reimbursed: null };

export type ExportFormat = 'xlsx' | 'csv';
