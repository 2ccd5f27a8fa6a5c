import { yuanToFen } from '../core/index.js';
import { VatQrParseError } from './errors.js';
import { normaliseDate } from './normalise.js';

/**
 * Invoice kinds of the QR's second field. 数电 ("fully digital") kinds have no 发票代码 and a
 * 20-digit 发票号码; the others a 10- or 12-digit code and an 8-digit number. Type 20 is read as the
 * blockchain e-invoice (深圳区块链电子发票) issued with a 12-digit code; that reading is not confirmed.
 */
export const VAT_QR_TYPES: Record<string, { label: string; fullyDigital: boolean }> = {
  '01': { label: '增值税专用发票', fullyDigital: false },
  '02': { label: '货物运输业增值税专用发票', fullyDigital: false },
  '03': { label: '机动车销售统一发票', fullyDigital: false },
  '04': { label: '增值税普通发票', fullyDigital: false },
  '08': { label: '增值税电子专用发票', fullyDigital: false },
  '10': { label: '增值税电子普通发票', fullyDigital: false },
  '11': { label: '增值税普通发票（卷票）', fullyDigital: false },
  '14': { label: '增值税电子普通发票（通行费）', fullyDigital: false },
  '15': { label: '二手车销售统一发票', fullyDigital: false },
  '20': { label: '区块链电子发票', fullyDigital: false },
  '31': { label: '数电发票（增值税专用发票）', fullyDigital: true },
  '32': { label: '数电发票（普通发票）', fullyDigital: true },
  '51': { label: '数电发票（铁路电子客票）', fullyDigital: true },
  '61': { label: '数电发票（航空运输电子客票行程单）', fullyDigital: true },
};

/** Kinds by digits 11–12 of a 12-digit code (first digit 0), as the tax bureau numbers them. */
const TWELVE_DIGIT_KINDS: Record<string, string> = {
  '04': '04',
  '05': '04',
  '06': '11',
  '07': '11',
  '11': '10',
  '12': '14',
};

/** Kinds by digit 8 of a 10-digit code. */
const TEN_DIGIT_KINDS: Record<string, string> = { '1': '01', '5': '01', '2': '02', '7': '02', '3': '04', '6': '04' };

/**
 * The QR kind (`VAT_QR_TYPES` key) an invoice code stands for. A photo is typed by Yundou only as
 * 增值税专用发票 or 增值税普通发票 (its document lists no other VAT type), while the QR code of the same
 * invoice says which 普票 it is; the code printed on it says the same, so a photo and a QR of one
 * invoice get one kind. Undefined for a code that does not say (数电 invoices have none).
 */
export function vatTypeCodeOfInvoiceCode(code: string | null | undefined): string | undefined {
  const clean = code?.replace(/\s+/g, '') ?? '';
  if (/^0\d{11}$/.test(clean)) return TWELVE_DIGIT_KINDS[clean.slice(10, 12)];
  if (/^\d{10}$/.test(clean)) return TEN_DIGIT_KINDS[clean[7]];
  return undefined;
}

export interface VatQrInvoice {
  /** Always `01`, the only version of the format. */
  version: string;
  typeCode: string;
  typeLabel: string;
  /** 数电发票: no code, a 20-digit number. */
  fullyDigital: boolean;
  invoiceCode?: string;
  invoiceNumber: string;
  /** The QR's amount field (开票金额), in fen; negative on a red-letter (红字) invoice. */
  amountFen: number;
  issueDate: string;
  /** 校验码 in full, when the QR has one (普票 do, 专票 and 数电 usually not). */
  checkCode?: string;
  /** The last six digits of the 校验码, which the tax office's 查验 asks for. */
  checkCodeLast6?: string;
  /** The QR's last field, an encrypted check value; kept as is. */
  crc?: string;
  /** One key per invoice across every kind: code + number, or the 20-digit number. */
  dedupeKey: string;
}

/**
 * The key that identifies one invoice for duplicate detection. A legacy code starts with 0 or 1 (or
 * has 10 digits) and a 数电 number with a two-digit year ≥ 21, so the two forms cannot collide.
 */
export function vatDedupeKey(invoiceCode: string | undefined, invoiceNumber: string): string {
  return invoiceCode ? `${invoiceCode}${invoiceNumber}` : invoiceNumber;
}

function fail(text: string, message: string): never {
  throw new VatQrParseError(message, text);
}

/**
 * Reads the text of a China VAT invoice QR code:
 * `01,<type>,<code>,<number>,<amount>,<YYYYMMDD>,<check code>,<crc>`. Empty fields keep their place
 * (a 数电 code is empty); the check code and crc may be missing at the end. Offline: nothing is verified
 * with the tax office. Throws `VatQrParseError` with a Chinese message naming the faulty field.
 */
export function parseVatQr(input: string): VatQrInvoice {
  const text = input.trim().replace(/，/g, ',');
  if (text === '') fail(input, '二维码内容为空');
  const fields = text.split(',').map((field) => field.trim());
  if (fields[0] !== '01' || fields.length < 2) {
    fail(input, `不是发票二维码：发票二维码以“01,”开头，这里是“${text.slice(0, 12)}”`);
  }
  if (fields.length < 6) {
    fail(input, `发票二维码内容不完整：应至少有版本、票种、代码、号码、金额、日期6项，实际只有${fields.length}项`);
  }
  const [version, typeCode, code, number, amount, date, checkCode, crc] = fields;

  if (!/^\d{2}$/.test(typeCode)) fail(input, `票种代码“${typeCode}”无效，应为两位数字`);
  const known = VAT_QR_TYPES[typeCode];
  const fullyDigital = known ? known.fullyDigital : code === '';
  if (fullyDigital) {
    if (code !== '') fail(input, `数电发票没有发票代码，这里却是“${code}”`);
    if (!/^\d{20}$/.test(number)) {
      fail(input, `数电发票号码应为20位数字，这里是“${number}”（${number.length}位）`);
    }
  } else {
    if (!/^(\d{10}|\d{12})$/.test(code)) {
      fail(input, `发票代码应为10位或12位数字，这里是“${code}”（${code.length}位）`);
    }
    if (!/^\d{8}$/.test(number)) fail(input, `发票号码应为8位数字，这里是“${number}”（${number.length}位）`);
  }

  const amountFen = /^-?\d+(\.\d{1,2})?$/.test(amount) ? yuanToFen(amount) : undefined;
  if (amountFen === undefined) fail(input, `金额“${amount}”无效，应为最多两位小数的数字`);
  const issueDate = /^\d{8}$/.test(date) ? normaliseDate(date) : undefined;
  if (issueDate === undefined) fail(input, `开票日期“${date}”无效，应为YYYYMMDD格式的真实日期`);

  const invoiceCode = code || undefined;
  return {
    version,
    typeCode,
    typeLabel: known?.label ?? `未知票种（${typeCode}）`,
    fullyDigital,
    invoiceCode,
    invoiceNumber: number,
    amountFen,
    issueDate,
    checkCode: checkCode || undefined,
    checkCodeLast6: checkCode && checkCode.length >= 6 ? checkCode.slice(-6) : undefined,
    crc: crc || undefined,
    dedupeKey: vatDedupeKey(invoiceCode, number),
  };
}

/** Whether a text looks like an invoice QR at all (for routing before `parseVatQr`). */
export function looksLikeVatQr(text: string): boolean {
  return /^\s*01\s*,\s*\d{2}\s*,/.test(text);
}
