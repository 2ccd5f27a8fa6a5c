/**
 * The bills Yundou recognises ("type 详解" / "data 详解"), as typed values. Amounts are integer fen,
 * dates `YYYY-MM-DD`; every field may be missing because recognition can miss it.
 */

import { BILL_TYPE_LABELS, type BillType } from '../tables/index.js';

// The table itself is shared with the mini-program: one copy, in tables/.
export { BILL_TYPES, BILL_TYPE_LABELS, OTHER_BILL_TYPE_LABEL, type BillType } from '../tables/index.js';

/**
 * Other spellings of `type`: the document's "发票类型集合" list says 银行发票 where the details say
 * 银行票据, and 工缴费 where the details say 公交 (工缴费 and 公交费 are typed alike in pinyin).
 */
const TYPE_ALIASES: Record<string, BillType> = {
  银行发票: 'bank',
  工缴费: 'bus',
  公交费: 'bus',
  公交车票: 'bus',
  汽车票: 'coach',
  过路费: 'toll',
  加油费: 'fuel',
  增值税电子普通发票: 'vat_ordinary',
  增值税电子专用发票: 'vat_special',
};

const BY_LABEL = new Map<string, BillType>([
  ...Object.entries(BILL_TYPE_LABELS).map(([type, label]) => [label, type as BillType] as const),
  ...Object.entries(TYPE_ALIASES),
]);

/** The bill type of a vendor `type` text, or `undefined` for a type this package does not know. */
export function billTypeOf(vendorType: string): BillType | undefined {
  return BY_LABEL.get(vendorType.trim());
}

export interface Coded<C extends number, L extends string> {
  code: C;
  label: L;
}

/** 监制章: 61 国家税务总局, 62 国家税务局, 63 其他(包含地方等监制). */
export type Producer = Coded<61, '国家税务总局'> | Coded<62, '国家税务局'> | Coded<63, '其他'>;
/** 境内外标记: 1 境内, 2 境外. */
export type Territory = Coded<1, '境内'> | Coded<2, '境外'>;
/** 章: 1 有章, 2 无章. */
export type Chapter = Coded<1, '有章'> | Coded<2, '无章'>;
/** 联次: 0 无, 10 发票联, 11 抵扣联, 12 销方联次 (包含其他等联次). */
export type InvoiceOrder = Coded<0, '无'> | Coded<10, '发票联'> | Coded<11, '抵扣联'> | Coded<12, '销方联次'>;

export const PRODUCERS: Record<number, Producer> = {
  61: { code: 61, label: '国家税务总局' },
  62: { code: 62, label: '国家税务局' },
  63: { code: 63, label: '其他' },
};
export const TERRITORIES: Record<number, Territory> = { 1: { code: 1, label: '境内' }, 2: { code: 2, label: '境外' } };
export const CHAPTERS: Record<number, Chapter> = { 1: { code: 1, label: '有章' }, 2: { code: 2, label: '无章' } };
export const INVOICE_ORDERS: Record<number, InvoiceOrder> = {
  0: { code: 0, label: '无' },
  10: { code: 10, label: '发票联' },
  11: { code: 11, label: '抵扣联' },
  12: { code: 12, label: '销方联次' },
};

interface BillBase<T extends BillType> {
  type: T;
  /** The vendor's `type` text as received. */
  vendorType: string;
  signDate?: string;
  amountFen?: number;
}

export interface TrainBill extends BillBase<'train'> {
  fullName?: string;
  idNumber?: string;
}

export interface DidiBill extends BillBase<'didi'> {
  mobile?: string;
}

export interface FlightBill extends BillBase<'flight'> {
  producer?: Producer;
  territory?: Territory;
  fullName?: string;
  idNumber?: string;
  chapter?: Chapter;
}

/** The fields every 发票 with a 发票代码 / 发票号码 and a supervision stamp carries. */
interface StampedInvoice<T extends BillType> extends BillBase<T> {
  invoiceCode?: string;
  invoiceNumber?: string;
  producer?: Producer;
  chapter?: Chapter;
}

export interface TaxiBill extends StampedInvoice<'taxi'> {
  /** 时间, as printed (e.g. `08:15-08:42`). */
  time?: string;
  /** 车号 */
  licenseNumber?: string;
}

export interface CoachBill extends StampedInvoice<'coach'> {
  fullName?: string;
}

export interface QuotaBill extends StampedInvoice<'quota'> {
  /** 费用类型 (the `type` field inside `data`). */
  expenseType?: string;
}

export interface FuelBill extends StampedInvoice<'fuel'> {
  city?: string;
  province?: string;
}

export type SimpleInvoiceType =
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
  | 'transit_card';

export type SimpleInvoiceBill = StampedInvoice<SimpleInvoiceType>;

export interface BankParty {
  name?: string;
  bank?: string;
  account?: string;
}

export interface BankBill extends BillBase<'bank'> {
  /** 付款方 (`pay_*`). */
  payer: BankParty;
  /** 收款方 (`recieve_*`, spelled so by the document). */
  payee: BankParty;
  chapter?: Chapter;
}

export interface VatParty extends BankParty {
  tel?: string;
  address?: string;
  /** 纳税人识别号 */
  taxId?: string;
}

export interface VatItem {
  name?: string;
  /** 规格型号 (`standard`). */
  specification?: string;
  unit?: string;
  /** 数量, as text: quantities can have many decimals. */
  quantity?: string;
  /** 单价 in yuan, as text: unit prices often carry more than two decimals. */
  unitPrice?: string;
  amountFen?: number;
  taxFen?: number;
  /** 税率 as printed (`13%`, `0.13`, `免税`). */
  taxRate?: string;
  /** The rate in percent when it is a number (`13%` and `0.13` both give 13). */
  taxRatePercent?: number;
}

export interface VatBill extends BillBase<'vat_special' | 'vat_ordinary'> {
  /** 金额 (`Amount`), before tax. */
  amountFen?: number;
  /** 税额 (`Tax`). */
  taxFen?: number;
  /** 合计 (`total_price`). */
  totalFen?: number;
  /** 校验码 (`vcode`). */
  checkCode?: string;
  invoiceCode?: string;
  invoiceNumber?: string;
  /** The same key `parseVatQr` gives: code + number, or the 20-digit number of a 数电 invoice. */
  dedupeKey?: string;
  chapter?: Chapter;
  invoiceOrder?: InvoiceOrder;
  payer: VatParty;
  payee: VatParty;
  items: VatItem[];
}

/** A recognised bill whose `type` this package does not know: kept raw rather than refused. */
export interface OtherBill {
  type: 'other';
  vendorType: string;
  data: Record<string, unknown>;
}

export type YundouBill =
  | TrainBill
  | DidiBill
  | FlightBill
  | TaxiBill
  | CoachBill
  | QuotaBill
  | FuelBill
  | SimpleInvoiceBill
  | BankBill
  | VatBill
  | OtherBill;
