import { fenToYuan, md5Hex } from '@banshi/vendor-clients';
import { BILL_TYPES, type SimpleInvoiceType } from '@banshi/vendor-clients/yundou';

/**
 * A test bill: the truth that `renderBillImage` prints and hides in its QR code, and that the
 * simulator's recognition reads back. Amounts in fen, dates `YYYY-MM-DD`, codes as the document numbers them.
 */
interface GeneratedBase {
  signDate: string;
  amountFen: number;
}

interface GeneratedStamped extends GeneratedBase {
  invoiceCode: string;
  invoiceNumber: string;
  producer: 61 | 62 | 63;
  chapter: 1 | 2;
}

export interface GeneratedTrain extends GeneratedBase {
  type: 'train';
  fullName: string;
  idNumber: string;
}

export interface GeneratedDidi extends GeneratedBase {
  type: 'didi';
  mobile: string;
}

export interface GeneratedFlight extends GeneratedBase {
  type: 'flight';
  fullName: string;
  idNumber: string;
  producer: 61 | 62 | 63;
  territory: 1 | 2;
  chapter: 1 | 2;
}

export interface GeneratedTaxi extends GeneratedStamped {
  type: 'taxi';
  time: string;
  licenseNumber: string;
}

export interface GeneratedCoach extends GeneratedStamped {
  type: 'coach';
  fullName: string;
}

export interface GeneratedQuota extends GeneratedStamped {
  type: 'quota';
  expenseType: string;
}

export interface GeneratedFuel extends GeneratedStamped {
  type: 'fuel';
  city: string;
  province: string;
}

export interface GeneratedSimpleInvoice extends GeneratedStamped {
  type: SimpleInvoiceType;
}

export interface GeneratedParty {
  name: string;
  bank: string;
  account: string;
}

export interface GeneratedBank extends GeneratedBase {
  type: 'bank';
  payer: GeneratedParty;
  payee: GeneratedParty;
  chapter: 1 | 2;
}

export interface GeneratedVatParty extends GeneratedParty {
  tel: string;
  address: string;
  taxId: string;
}

export interface GeneratedVatItem {
  name: string;
  specification: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  amountFen: number;
  taxFen: number;
  taxRate: string;
}

export interface GeneratedVat extends GeneratedBase {
  type: 'vat_special' | 'vat_ordinary';
  /** Kind in the invoice QR; by default 01/04, or 31/32 (数电) when `invoiceCode` is empty. */
  vatTypeCode?: string;
  /** Empty on a 数电 invoice, whose `invoiceNumber` has 20 digits. */
  invoiceCode: string;
  invoiceNumber: string;
  /** 金额 before tax. */
  amountFen: number;
  taxFen: number;
  totalFen: number;
  checkCode: string;
  chapter: 1 | 2;
  invoiceOrder: 0 | 10 | 11 | 12;
  payer: GeneratedVatParty;
  payee: GeneratedVatParty;
  items: GeneratedVatItem[];
}

export type GeneratedBill =
  | GeneratedTrain
  | GeneratedDidi
  | GeneratedFlight
  | GeneratedTaxi
  | GeneratedCoach
  | GeneratedQuota
  | GeneratedFuel
  | GeneratedSimpleInvoice
  | GeneratedBank
  | GeneratedVat;

/** Marks a QR payload as a test bill of this generator, so any other QR text is not taken for one. */
const PAYLOAD_MARK = 'banshi-test-bill';

export interface BillQrPayload {
  [PAYLOAD_MARK]: 1;
  bill: GeneratedBill;
  /** The standard invoice QR text, on VAT bills (what a real invoice's QR holds). */
  vatQr?: string;
}

/** The JSON hidden in a test bill's QR code. */
export function billQrPayload(bill: GeneratedBill): string {
  const payload: BillQrPayload = { [PAYLOAD_MARK]: 1, bill };
  if (bill.type === 'vat_special' || bill.type === 'vat_ordinary') payload.vatQr = vatQrText(bill);
  return JSON.stringify(payload);
}

/** Reads a QR text back as a test bill; `undefined` for any other text. */
export function readBillQrPayload(text: string): BillQrPayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || (value as Record<string, unknown>)[PAYLOAD_MARK] !== 1) {
    return undefined;
  }
  const bill = (value as { bill?: unknown }).bill;
  if (typeof bill !== 'object' || bill === null) return undefined;
  const { type, signDate, amountFen } = bill as Record<string, unknown>;
  const known = typeof type === 'string' && (BILL_TYPES as readonly string[]).includes(type);
  if (!known || typeof signDate !== 'string' || typeof amountFen !== 'number') return undefined;
  return value as BillQrPayload;
}

/** `01,<type>,<code>,<number>,<amount>,<YYYYMMDD>,<check code>,<crc>` for a generated VAT bill. */
export function vatQrText(bill: GeneratedVat): string {
  const digital = bill.invoiceCode === '';
  const typeCode = bill.vatTypeCode ?? (bill.type === 'vat_special' ? (digital ? '31' : '01') : digital ? '32' : '04');
  const head = [
    '01',
    typeCode,
    bill.invoiceCode,
    bill.invoiceNumber,
    fenToYuan(bill.amountFen),
    bill.signDate.replace(/-/g, ''),
    bill.checkCode,
  ].join(',');
  return `${head},${md5Hex(head).slice(0, 4).toUpperCase()}`;
}
