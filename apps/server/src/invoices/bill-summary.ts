import {
  BILL_TYPE_LABELS,
  BILL_TYPES,
  type BillType,
  OTHER_BILL_TYPE_LABEL,
  VAT_QR_TYPES,
  vatTypeCodeOfInvoiceCode,
  type VatQrInvoice,
  type YundouBill,
} from '@banshi/vendor-clients/yundou';

/** The bill types of the vendor, and `other` for a type it returned that we do not know. */
export type InvoiceBillType = BillType | 'other';
export const INVOICE_BILL_TYPES: readonly InvoiceBillType[] = [...BILL_TYPES, 'other'];

export const INVOICE_TYPE_LABELS: Record<InvoiceBillType, string> = {
  ...BILL_TYPE_LABELS,
  other: OTHER_BILL_TYPE_LABEL,
};

/** The columns of a scan that lists, filters, totals and duplicate detection read. */
export interface BillColumns {
  billType: InvoiceBillType;
  typeLabel: string;
  amountFen: number | null;
  issueDate: string | null;
  invoiceCode: string | null;
  invoiceNumber: string | null;
  dedupeKey: string | null;
}

const DIGITAL_NUMBER = /^\d{20}$/;

/**
 * One key per invoice, the same whether it was read from a photo or from its QR code: code + number,
 * or the 20-digit number of a 数电 invoice (which has no code). A number without a code is no key
 * (8-digit numbers repeat across codes), and bills without a number (a paper train ticket, a bank
 * slip) have none: two same-priced trips on one day are two real tickets, not a duplicate.
 */
export function invoiceDedupeKey(code: string | null | undefined, number: string | null | undefined): string | null {
  const cleanNumber = number?.replace(/\s+/g, '') ?? '';
  const cleanCode = code?.replace(/\s+/g, '') ?? '';
  if (!cleanNumber) return null;
  if (cleanCode) return `${cleanCode}${cleanNumber}`.slice(0, 48);
  return DIGITAL_NUMBER.test(cleanNumber) ? cleanNumber : null;
}

/** Whether an invoice is a 数电 (fully digital) one: no code and a 20-digit number. */
export function isFullyDigital(code: string | null | undefined, number: string | null | undefined): boolean {
  return !code && DIGITAL_NUMBER.test(number ?? '');
}

/** What a recognised bill contributes to the scan's columns. */
export function columnsOfBill(bill: YundouBill): BillColumns {
  if (bill.type === 'other') {
    return {
      billType: 'other',
      typeLabel: bill.vendorType.slice(0, 64) || INVOICE_TYPE_LABELS.other,
      amountFen: null,
      issueDate: null,
      invoiceCode: null,
      invoiceNumber: null,
      dedupeKey: null,
    };
  }
  const code = 'invoiceCode' in bill ? (bill.invoiceCode ?? null) : null;
  const number = 'invoiceNumber' in bill ? (bill.invoiceNumber ?? null) : null;
  let label = BILL_TYPE_LABELS[bill.type];
  let amountFen = bill.amountFen ?? null;
  if (bill.type === 'vat_special' || bill.type === 'vat_ordinary') {
    if (isFullyDigital(code, number))
      label = bill.type === 'vat_special' ? '数电发票（增值税专用发票）' : '数电发票（普通发票）';
    else label = vatLabelOfCode(code, bill.type) ?? label;
    // What is reimbursed is 价税合计; the vendor's `Amount` is before tax.
    amountFen = bill.totalFen ?? (bill.amountFen !== undefined ? bill.amountFen + (bill.taxFen ?? 0) : null);
  }
  return {
    billType: bill.type,
    typeLabel: label,
    amountFen,
    issueDate: bill.signDate ?? null,
    invoiceCode: code,
    invoiceNumber: number,
    dedupeKey: invoiceDedupeKey(code, number),
  };
}

/**
 * The kind printed in an invoice's code (电子普通发票, 卷票…), which its QR code names too: the
 * vendor types every 普票 photo alike. Kept only when it agrees with the vendor's 专票 / 普票.
 */
function vatLabelOfCode(code: string | null, type: 'vat_special' | 'vat_ordinary'): string | undefined {
  const typeCode = vatTypeCodeOfInvoiceCode(code);
  if (!typeCode || (QR_TYPE_TO_BILL[typeCode] ?? 'vat_ordinary') !== type) return undefined;
  return VAT_QR_TYPES[typeCode]?.label;
}

/** QR kinds as bill types: 专票 kinds, the 数电 railway e-ticket and air itinerary, the rest 普票. */
const QR_TYPE_TO_BILL: Record<string, BillType> = {
  '01': 'vat_special',
  '02': 'vat_special',
  '08': 'vat_special',
  '31': 'vat_special',
  '51': 'train',
  '61': 'flight',
};

/** What an invoice QR code contributes: all it carries is kind, code, number, amount and date. */
export function columnsOfQr(qr: VatQrInvoice): BillColumns {
  return {
    billType: QR_TYPE_TO_BILL[qr.typeCode] ?? 'vat_ordinary',
    typeLabel: qr.typeLabel.slice(0, 64),
    amountFen: qr.amountFen,
    issueDate: qr.issueDate,
    invoiceCode: qr.invoiceCode ?? null,
    invoiceNumber: qr.invoiceNumber,
    dedupeKey: invoiceDedupeKey(qr.invoiceCode, qr.invoiceNumber),
  };
}

/** `YYYY-MM` in China time, for scans whose bill date is not known (yet). */
export function chinaMonth(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

export function monthOf(issueDate: string | null, fallback: Date): string {
  return issueDate && /^\d{4}-\d{2}/.test(issueDate) ? issueDate.slice(0, 7) : chinaMonth(fallback);
}

/** `123.40` from 12340 fen, with integer arithmetic. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
