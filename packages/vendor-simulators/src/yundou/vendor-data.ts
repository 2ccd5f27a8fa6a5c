import { fenToYuan } from '@banshi/vendor-clients';
import { BILL_TYPE_LABELS, type VatQrInvoice } from '@banshi/vendor-clients/yundou';
import type { GeneratedBill, GeneratedVat } from './generated-bill.js';

/** What recognition yields: the callback's `type` and `data`. */
export interface VendorBillResult {
  type: string;
  data: Record<string, unknown>;
}

/**
 * OCR returns a date the way the bill prints it: tickets and invoices print `2024年03月05日`, receipts
 * `2024-03-05`. The simulator reproduces that, so the parser's date normalisation is exercised.
 */
const printedChinese = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${y}年${m}月${d}日`;
};

/**
 * Maps a test bill to the document's `data` of its type ("data 详解"), with the document's field
 * names and their case quirks: `Invoice_code` on the small invoices, `Amount`/`Tax`/`Item` on VAT and
 * bank bills, `recieve_*` beside `receive_*`. Amounts are yuan strings, codes numbers.
 */
export function vendorResultOf(bill: GeneratedBill): VendorBillResult {
  const type = BILL_TYPE_LABELS[bill.type];
  const amount = fenToYuan(bill.amountFen);
  switch (bill.type) {
    case 'train':
      return {
        type,
        data: {
          sign_date: printedChinese(bill.signDate),
          full_name: bill.fullName,
          id_number: bill.idNumber,
          amount,
        },
      };
    case 'didi':
      return { type, data: { sign_date: bill.signDate, amount, mobile: bill.mobile } };
    case 'flight':
      return {
        type,
        data: {
          sign_date: printedChinese(bill.signDate),
          amount,
          producer: bill.producer,
          territory: bill.territory,
          full_name: bill.fullName,
          id_number: bill.idNumber,
          chapter: bill.chapter,
        },
      };
    case 'bank':
      return {
        type,
        data: {
          sign_date: bill.signDate,
          Amount: amount,
          pay_name: bill.payer.name,
          pay_bank: bill.payer.bank,
          pay_account: bill.payer.account,
          recieve_name: bill.payee.name,
          recieve_bank: bill.payee.bank,
          recieve_account: bill.payee.account,
          chapter: bill.chapter,
        },
      };
    case 'vat_special':
    case 'vat_ordinary':
      return { type, data: vatData(bill) };
    default: {
      const data: Record<string, unknown> = {
        sign_date: bill.signDate,
        Invoice_code: bill.invoiceCode,
        invoice_number: bill.invoiceNumber,
        amount,
        producer: bill.producer,
        chapter: bill.chapter,
      };
      if (bill.type === 'taxi') Object.assign(data, { time: bill.time, license_number: bill.licenseNumber });
      if (bill.type === 'coach') data.full_name = bill.fullName;
      if (bill.type === 'quota') data.type = bill.expenseType;
      if (bill.type === 'fuel') Object.assign(data, { city: bill.city, province: bill.province });
      return { type, data };
    }
  }
}

function vatData(bill: GeneratedVat): Record<string, unknown> {
  return {
    sign_date: printedChinese(bill.signDate),
    Amount: fenToYuan(bill.amountFen),
    Tax: fenToYuan(bill.taxFen),
    total_price: fenToYuan(bill.totalFen),
    vcode: bill.checkCode,
    invoice_code: bill.invoiceCode,
    invoice_number: bill.invoiceNumber,
    chapter: bill.chapter,
    invoice_order: bill.invoiceOrder,
    pay_name: bill.payer.name,
    pay_bank: bill.payer.bank,
    pay_account: bill.payer.account,
    pay_tel: bill.payer.tel,
    pay_address: bill.payer.address,
    payer_tax_identification_number: bill.payer.taxId,
    recieve_name: bill.payee.name,
    recieve_bank: bill.payee.bank,
    recieve_account: bill.payee.account,
    receive_tel: bill.payee.tel,
    receive_address: bill.payee.address,
    receive_tax_identification_number: bill.payee.taxId,
    Item: bill.items.map((item) => ({
      name: item.name,
      standard: item.specification,
      unit: item.unit,
      number: item.quantity,
      unit_price: item.unitPrice,
      amount: fenToYuan(item.amountFen),
      tax: fenToYuan(item.taxFen),
      taxrate: item.taxRate,
    })),
  };
}

/**
 * A photo of a real invoice's QR alone still tells what kind of invoice it is and its key fields,
 * which is all the QR carries: the parties and items stay unread.
 */
export function vendorResultOfVatQr(invoice: VatQrInvoice): VendorBillResult {
  const special = ['01', '08', '31'].includes(invoice.typeCode);
  return {
    type: BILL_TYPE_LABELS[special ? 'vat_special' : 'vat_ordinary'],
    data: {
      sign_date: invoice.issueDate.replace(/-/g, ''),
      Amount: fenToYuan(invoice.amountFen),
      vcode: invoice.checkCode ?? '',
      invoice_code: invoice.invoiceCode ?? '',
      invoice_number: invoice.invoiceNumber,
      Item: [],
    },
  };
}
