import { parseVatQr, parseYundouCallbackPayload } from '@banshi/vendor-clients/yundou';
import { columnsOfBill, columnsOfQr, invoiceDedupeKey, monthOf } from './bill-summary.js';

const billOf = (type: string, data: Record<string, unknown>) => {
  const event = parseYundouCallbackPayload({ code: 0, 'x-oid': 'o1', type, data });
  if (event.kind !== 'bill_recognised') throw new Error('not a bill');
  return event.bill;
};

describe('bill columns', () => {
  it('a photo and a QR of the same invoice get the same duplicate key', () => {
    const photo = columnsOfBill(
      billOf('增值税普通发票', { invoice_code: '044032300111', invoice_number: '86312275', Amount: '100', Tax: '6' }),
    );
    const qr = columnsOfQr(parseVatQr('01,04,044032300111,86312275,100.00,20240305,,'));
    expect(photo.dedupeKey).toBe('04403230011186312275');
    expect(qr.dedupeKey).toBe(photo.dedupeKey);
  });

  it('a photo and a QR of the same invoice get the same kind: the one its code and its QR name', () => {
    const fields = { invoice_code: '044032300111', invoice_number: '86312275', Amount: '100', Tax: '6' };
    const photo = columnsOfBill(billOf('增值税普通发票', fields));
    const qr = columnsOfQr(parseVatQr('01,10,044032300111,86312275,106.00,20240305,61273859104755236017,'));
    expect(photo.typeLabel).toBe('增值税电子普通发票');
    expect(qr.typeLabel).toBe(photo.typeLabel);
    // A paper 普票 (10-digit code, digit 8 is 3) and a 专票 stay what the vendor said.
    const paper = { ...fields, invoice_code: '3100153320' };
    expect(columnsOfBill(billOf('增值税普通发票', paper)).typeLabel).toBe('增值税普通发票');
    const special = { ...fields, invoice_code: '4400164130' };
    expect(columnsOfBill(billOf('增值税专用发票', special)).typeLabel).toBe('增值税专用发票');
    // A code that disagrees with the vendor's 专票 / 普票 does not overrule it.
    expect(columnsOfBill(billOf('增值税专用发票', fields)).typeLabel).toBe('增值税专用发票');
  });

  it('a VAT bill counts at its total including tax, even when the vendor left 合计 out', () => {
    const withTotal = billOf('增值税专用发票', { Amount: '100.00', Tax: '13.00', total_price: '113.00' });
    const withoutTotal = billOf('增值税专用发票', { Amount: '100.00', Tax: '13.00' });
    expect(columnsOfBill(withTotal).amountFen).toBe(11_300);
    expect(columnsOfBill(withoutTotal).amountFen).toBe(11_300);
  });

  it('a number without a code is no key, unless it is a 20-digit 数电 number', () => {
    expect(invoiceDedupeKey(null, '41278830')).toBeNull();
    expect(invoiceDedupeKey('', '24442000000123456789')).toBe('24442000000123456789');
    expect(invoiceDedupeKey(' 144031909110 ', '4127 8830')).toBe('14403190911041278830');
    expect(columnsOfBill(billOf('火车票', { amount: '12.50', full_name: '李明' })).dedupeKey).toBeNull();
  });

  it('QR kinds map to bill types; an unknown vendor type is kept as other', () => {
    expect(columnsOfQr(parseVatQr('01,51,,24119000000987654321,264.50,20240310,,C0DE')).billType).toBe('train');
    expect(columnsOfQr(parseVatQr('01,31,,24442000000123456789,1.00,20240310,,')).billType).toBe('vat_special');
    expect(columnsOfBill(billOf('洗车票', { amount: '30' }))).toMatchObject({ billType: 'other', typeLabel: '洗车票' });
  });

  it('the month is the bill date, or the scan month in China time until the date is known', () => {
    expect(monthOf('2024-03-05', new Date())).toBe('2024-03');
    expect(monthOf(null, new Date('2024-04-30T17:00:00Z'))).toBe('2024-05');
  });
});
