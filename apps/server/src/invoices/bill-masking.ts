import type { BankParty, VatParty, YundouBill } from '@banshi/vendor-clients/yundou';
import { maskIdNumber, maskName, maskPayload, maskPhone, maskTail, maskText } from '../common/crypto/masking.js';

/** Payers and payees are usually organisations, whose names are not personal data; a person's is. */
const ORGANISATION =
  /公司|集团|厂|店|商行|超市|药房|局|院|所|中心|部|社|协会|委员会|学校|大学|学院|医院|银行|酒店|宾馆|餐厅|饭店|政府|工作室|有限|股份|合作/;

/** An 18-character resident ID number (a person's 纳税人识别号 is their ID number). */
const RESIDENT_ID = /^\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/;

function partyName(name: string | undefined): string | undefined {
  if (!name) return name;
  return ORGANISATION.test(name) ? name : (maskName(name) ?? undefined);
}

function address(value: string | undefined): string | undefined {
  if (!value) return value;
  const chars = [...value];
  return chars.length > 6 ? `${chars.slice(0, 6).join('')}****` : '****';
}

const defined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

function bankParty(party: BankParty): BankParty {
  return { ...party, name: partyName(party.name), account: defined(maskTail(party.account)) };
}

function vatParty(party: VatParty): VatParty {
  return {
    ...bankParty(party),
    tel: defined(maskPhone(party.tel)),
    address: address(party.address),
    taxId: party.taxId && RESIDENT_ID.test(party.taxId) ? defined(maskIdNumber(party.taxId)) : party.taxId,
  };
}

/**
 * The bill as APIs show it, to its owner and to the merchant alike: passengers' names and ID numbers,
 * phone numbers, bank accounts and private addresses masked; what a person needs to recognise the bill
 * (type, amounts, dates, invoice code and number, items) left as is.
 */
export function maskBill(bill: YundouBill): YundouBill {
  switch (bill.type) {
    case 'train':
    case 'flight':
      return { ...bill, fullName: defined(maskName(bill.fullName)), idNumber: defined(maskIdNumber(bill.idNumber)) };
    case 'coach':
      return { ...bill, fullName: defined(maskName(bill.fullName)) };
    case 'didi':
      return { ...bill, mobile: defined(maskPhone(bill.mobile)) };
    case 'bank':
      return { ...bill, payer: bankParty(bill.payer), payee: bankParty(bill.payee) };
    case 'vat_special':
    case 'vat_ordinary':
      return { ...bill, payer: vatParty(bill.payer), payee: vatParty(bill.payee) };
    case 'other':
      return { ...bill, data: maskPayload(bill.data) as Record<string, unknown> };
    default:
      return bill;
  }
}

/** Warnings quote what the vendor sent; ID numbers and phones in them are masked. */
export function maskWarnings(warnings: string[]): string[] {
  return warnings.map((warning) => maskText(warning));
}
