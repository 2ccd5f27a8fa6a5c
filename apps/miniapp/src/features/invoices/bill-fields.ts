import { formatFen } from '../../shared/format';
import type { Bill, Party, QrFields } from './api/types';
import { dateLabel } from './labels';

export interface BillField {
  label: string;
  value: string;
}

const fen = (value: number | undefined) => (value === undefined ? undefined : formatFen(value));
const date = (value: string | undefined) => (value ? dateLabel(value) : undefined);

function fields(pairs: Array<[string, string | undefined | null]>): BillField[] {
  return pairs.filter((pair): pair is [string, string] => !!pair[1]).map(([label, value]) => ({ label, value }));
}

/** Stamp, supervision and copy: what a person checks to accept a paper bill. */
function stampFields(bill: Bill): Array<[string, string | undefined]> {
  return [
    ['监制章', bill.producer?.label],
    ['境内外', bill.territory?.label],
    ['发票章', bill.chapter?.label],
    ['联次', bill.invoiceOrder?.label],
  ];
}

/** The fields of a bill in the order its paper prints them; what recognition missed is left out. */
export function billFields(bill: Bill): BillField[] {
  const head: Array<[string, string | undefined]> = [
    ['发票代码', bill.invoiceCode],
    ['发票号码', bill.invoiceNumber],
    ['日期', date(bill.signDate)],
  ];
  switch (bill.type) {
    case 'train':
      return fields([
        ['乘车日期', date(bill.signDate)],
        ['乘车人', bill.fullName],
        ['证件号码', bill.idNumber],
        ['票价', fen(bill.amountFen)],
      ]);
    case 'flight':
      return fields([
        ['乘机日期', date(bill.signDate)],
        ['旅客姓名', bill.fullName],
        ['证件号码', bill.idNumber],
        ['票价', fen(bill.amountFen)],
        ...stampFields(bill),
      ]);
    case 'didi':
      return fields([
        ['行程日期', date(bill.signDate)],
        ['手机号', bill.mobile],
        ['金额', fen(bill.amountFen)],
      ]);
    case 'taxi':
      return fields([
        ...head,
        ['乘车时间', bill.time],
        ['车号', bill.licenseNumber],
        ['金额', fen(bill.amountFen)],
        ...stampFields(bill),
      ]);
    case 'coach':
      return fields([...head, ['乘客', bill.fullName], ['票价', fen(bill.amountFen)], ...stampFields(bill)]);
    case 'quota':
      return fields([...head, ['费用类型', bill.expenseType], ['金额', fen(bill.amountFen)], ...stampFields(bill)]);
    case 'fuel':
      return fields([
        ...head,
        ['省份', bill.province],
        ['城市', bill.city],
        ['金额', fen(bill.amountFen)],
        ...stampFields(bill),
      ]);
    case 'bank':
      return fields([
        ['日期', date(bill.signDate)],
        ['金额', fen(bill.amountFen)],
        ...partyFields('付款方', bill.payer),
        ...partyFields('收款方', bill.payee),
        ...stampFields(bill),
      ]);
    case 'vat_special':
    case 'vat_ordinary':
      return fields([
        ...head,
        ['金额（不含税）', fen(bill.amountFen)],
        ['税额', fen(bill.taxFen)],
        ['价税合计', fen(bill.totalFen)],
        ['校验码', bill.checkCode],
        ...stampFields(bill),
      ]);
    case 'other':
      return otherFields(bill.data ?? {});
    default:
      return fields([...head, ['金额', fen(bill.amountFen)], ...stampFields(bill)]);
  }
}

export function partyFields(side: string, party: Party | undefined): Array<[string, string | undefined]> {
  if (!party) return [];
  return [
    [`${side}名称`, party.name],
    [`${side}纳税人识别号`, party.taxId],
    [`${side}地址`, party.address],
    [`${side}电话`, party.tel],
    [`${side}开户行`, party.bank],
    [`${side}账号`, party.account],
  ];
}

/** A type the app does not know: the vendor's fields as they came, by their names. */
function otherFields(data: Record<string, unknown>): BillField[] {
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined && value !== '' && typeof value !== 'object')
    .map(([label, value]) => ({ label, value: String(value) }));
}

/** VAT kinds, whose QR carries the amount before tax. */
const PRE_TAX_QR_TYPES = new Set(['01', '02', '04', '08', '10', '11', '14', '31', '32']);

/** What an invoice QR code says, for a scan read from one. */
export function qrFields(qr: QrFields): BillField[] {
  return fields([
    ['票种', qr.typeLabel],
    ['发票代码', qr.invoiceCode],
    ['发票号码', qr.invoiceNumber],
    ['开票日期', dateLabel(qr.issueDate)],
    [PRE_TAX_QR_TYPES.has(qr.typeCode) ? '开票金额（不含税）' : '金额', formatFen(qr.amountFen)],
    ['校验码后6位', qr.checkCodeLast6],
  ]);
}
