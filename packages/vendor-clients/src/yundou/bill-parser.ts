import {
  billTypeOf,
  CHAPTERS,
  INVOICE_ORDERS,
  PRODUCERS,
  TERRITORIES,
  type BankParty,
  type SimpleInvoiceType,
  type VatItem,
  type VatParty,
  type YundouBill,
} from './bill-types.js';
import { CallbackFormatError } from './errors.js';
import { FieldReader, taxRatePercent } from './normalise.js';
import { vatDedupeKey } from './vat-qr.js';

export interface ParsedBill {
  bill: YundouBill;
  /** Values recognition returned that could not be normalised (kept in the raw body). */
  warnings: string[];
}

/** Turns one recognised `type` + `data` pair ("data 详解") into a typed bill. */
export function parseBillData(vendorType: string, data: Record<string, unknown>): ParsedBill {
  const type = billTypeOf(vendorType);
  const f = new FieldReader(data);
  const base = { vendorType, signDate: f.date('sign_date'), amountFen: f.fen('amount') };
  const stamped = () => ({
    ...base,
    invoiceCode: f.text('invoice_code'),
    invoiceNumber: f.text('invoice_number'),
    producer: f.coded(PRODUCERS, 'producer'),
    chapter: f.coded(CHAPTERS, 'chapter'),
  });
  let bill: YundouBill;
  switch (type) {
    case undefined:
      return {
        bill: { type: 'other', vendorType, data },
        warnings: [`unknown bill type ${JSON.stringify(vendorType)}`],
      };
    case 'train':
      bill = { type, ...base, fullName: f.text('full_name'), idNumber: f.text('id_number') };
      break;
    case 'didi':
      bill = { type, ...base, mobile: f.text('mobile') };
      break;
    case 'flight':
      bill = {
        type,
        ...base,
        producer: f.coded(PRODUCERS, 'producer'),
        territory: f.coded(TERRITORIES, 'territory'),
        fullName: f.text('full_name'),
        idNumber: f.text('id_number'),
        chapter: f.coded(CHAPTERS, 'chapter'),
      };
      break;
    case 'taxi':
      bill = { type, ...stamped(), time: f.text('time'), licenseNumber: f.text('license_number') };
      break;
    case 'coach':
      bill = { type, ...stamped(), fullName: f.text('full_name') };
      break;
    case 'quota':
      bill = { type, ...stamped(), expenseType: f.text('type') };
      break;
    case 'fuel':
      bill = { type, ...stamped(), city: f.text('city'), province: f.text('province') };
      break;
    case 'bank':
      bill = { type, ...base, payer: bankParty(f, 'pay'), payee: bankParty(f, 'recieve'), chapter: chapter(f) };
      break;
    case 'vat_special':
    case 'vat_ordinary': {
      const invoiceCode = f.text('invoice_code');
      const invoiceNumber = f.text('invoice_number');
      bill = {
        type,
        ...base,
        taxFen: f.fen('tax'),
        totalFen: f.fen('total_price'),
        checkCode: f.text('vcode'),
        invoiceCode,
        invoiceNumber,
        dedupeKey: invoiceNumber ? vatDedupeKey(invoiceCode, invoiceNumber) : undefined,
        chapter: chapter(f),
        invoiceOrder: f.coded(INVOICE_ORDERS, 'invoice_order'),
        payer: vatParty(f, 'pay'),
        payee: vatParty(f, 'recieve'),
        items: vatItems(f),
      };
      break;
    }
    default:
      bill = { type: type satisfies SimpleInvoiceType, ...stamped() };
  }
  return { bill: dropUndefined(bill), warnings: f.warnings };
}

const chapter = (f: FieldReader) => f.coded(CHAPTERS, 'chapter');

/** The document spells the payee `recieve_name` but `receive_tel`: read both spellings everywhere. */
function bankParty(f: FieldReader, side: 'pay' | 'recieve'): BankParty {
  const names = (field: string) => (side === 'pay' ? [`pay_${field}`] : [`recieve_${field}`, `receive_${field}`]);
  return dropUndefined({
    name: f.text(...names('name')),
    bank: f.text(...names('bank')),
    account: f.text(...names('account')),
  });
}

function vatParty(f: FieldReader, side: 'pay' | 'recieve'): VatParty {
  const names = (field: string) => (side === 'pay' ? [`pay_${field}`] : [`receive_${field}`, `recieve_${field}`]);
  return dropUndefined({
    ...bankParty(f, side),
    tel: f.text(...names('tel')),
    address: f.text(...names('address')),
    // The document writes `payer_tax_identification_number` but `pay_name`, `pay_tel`….
    taxId: f.text(
      ...names('tax_identification_number'),
      ...(side === 'pay' ? ['payer_tax_identification_number'] : []),
    ),
  });
}

function vatItems(f: FieldReader): VatItem[] {
  let raw = f.raw('item', 'items');
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new CallbackFormatError('VAT data.Item is a string that is not JSON');
    }
  }
  if (raw === undefined) return [];
  // A PHP array with keys comes as an object: {"0": {...}, "1": {...}}.
  const rows = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null ? Object.values(raw) : undefined;
  if (!rows) throw new CallbackFormatError('VAT data.Item is not a list');
  return rows.map((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new CallbackFormatError(`VAT data.Item[${index}] is not an object`);
    }
    const item = new FieldReader(row as Record<string, unknown>, `Item[${index}].`);
    const taxRate = item.text('taxrate', 'tax_rate');
    const result = dropUndefined<VatItem>({
      name: item.text('name'),
      specification: item.text('standard'),
      unit: item.text('unit'),
      quantity: item.text('number'),
      unitPrice: item.text('unit_price'),
      amountFen: item.fen('amount'),
      taxFen: item.fen('tax'),
      taxRate,
      taxRatePercent: taxRate === undefined ? undefined : taxRatePercent(taxRate),
    });
    f.warnings.push(...item.warnings);
    return result;
  });
}

/** Leaves out absent fields, so a bill's keys are the fields recognition found. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
