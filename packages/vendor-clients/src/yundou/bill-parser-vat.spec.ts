import { parseYundouCallback, type BillRecognisedEvent } from './callback.js';

function recognised(type: string, data: Record<string, unknown>): BillRecognisedEvent {
  const body = { code: 0, 'x-oid': 'oid-1', bid: 9001, message: '识别成功', type, data };
  const event = parseYundouCallback({ rawBody: JSON.stringify(body), contentType: 'application/json' });
  if (event.kind !== 'bill_recognised') throw new Error(`expected a bill, got ${event.kind}`);
  return event;
}

describe('bill parser: VAT invoices (增值税专用发票 / 增值税普通发票)', () => {
  const vatData = {
    sign_date: '2024年03月05日',
    Amount: '3000.00',
    Tax: '390.00',
    total_price: '3390.00',
    vcode: '',
    invoice_code: '4403231130',
    invoice_number: '02178456',
    chapter: 1,
    invoice_order: 11,
    pay_name: '深圳市办事科技有限公司',
    pay_bank: '招商银行深圳科技园支行',
    pay_account: '755912345610801',
    pay_tel: '0755-86001234',
    pay_address: '深圳市南山区科技园科苑路15号',
    payer_tax_identification_number: '91440300MA5G7K2X1P',
    recieve_name: '广州云启信息技术有限公司',
    recieve_bank: '中国工商银行广州天河支行',
    recieve_account: '3602000109200123456',
    receive_tel: '020-38881234',
    receive_address: '广州市天河区珠江新城华夏路8号',
    receive_tax_identification_number: '91440101MA9UJ3TQ4A',
    Item: [
      {
        name: '*信息技术服务*软件维护费',
        standard: 'V2.0',
        unit: '项',
        number: '1',
        unit_price: '2000.00',
        amount: '2000.00',
        tax: '260.00',
        taxrate: '13%',
      },
      {
        name: '*计算机外部设备*扫描仪',
        standard: 'DS-530',
        unit: '台',
        number: '2',
        unit_price: '442.4778761',
        amount: '1000.00',
        tax: '130.00',
        taxrate: '0.13',
      },
    ],
  };

  it('增值税专用发票 → vat_special, with parties, items, order and dedupe key', () => {
    const { bill, warnings } = recognised('增值税专用发票', vatData);
    expect(warnings).toEqual([]);
    expect(bill).toEqual({
      type: 'vat_special',
      vendorType: '增值税专用发票',
      signDate: '2024-03-05',
      amountFen: 300_000,
      taxFen: 39_000,
      totalFen: 339_000,
      invoiceCode: '4403231130',
      invoiceNumber: '02178456',
      dedupeKey: '440323113002178456',
      chapter: { code: 1, label: '有章' },
      invoiceOrder: { code: 11, label: '抵扣联' },
      payer: {
        name: '深圳市办事科技有限公司',
        bank: '招商银行深圳科技园支行',
        account: '755912345610801',
        tel: '0755-86001234',
        address: '深圳市南山区科技园科苑路15号',
        taxId: '91440300MA5G7K2X1P',
      },
      payee: {
        name: '广州云启信息技术有限公司',
        bank: '中国工商银行广州天河支行',
        account: '3602000109200123456',
        tel: '020-38881234',
        address: '广州市天河区珠江新城华夏路8号',
        taxId: '91440101MA9UJ3TQ4A',
      },
      items: [
        {
          name: '*信息技术服务*软件维护费',
          specification: 'V2.0',
          unit: '项',
          quantity: '1',
          unitPrice: '2000.00',
          amountFen: 200_000,
          taxFen: 26_000,
          taxRate: '13%',
          taxRatePercent: 13,
        },
        {
          name: '*计算机外部设备*扫描仪',
          specification: 'DS-530',
          unit: '台',
          quantity: '2',
          unitPrice: '442.4778761',
          amountFen: 100_000,
          taxFen: 13_000,
          taxRate: '0.13',
          taxRatePercent: 13,
        },
      ],
    });
  });

  it('增值税普通发票 → vat_ordinary, reading lower-case amount/tax/item and a 数电 number', () => {
    const { Amount, Tax, Item, invoice_code: _code, ...rest } = vatData;
    const { bill } = recognised('增值税普通发票', {
      ...rest,
      amount: Amount,
      tax: Tax,
      item: Item.slice(0, 1),
      invoice_code: '',
      invoice_number: '24442000000123456789',
      vcode: '61273859104755236017',
      invoice_order: 0,
    });
    expect(bill).toMatchObject({
      type: 'vat_ordinary',
      amountFen: 300_000,
      taxFen: 39_000,
      checkCode: '61273859104755236017',
      invoiceNumber: '24442000000123456789',
      dedupeKey: '24442000000123456789',
      invoiceOrder: { code: 0, label: '无' },
      items: [{ name: '*信息技术服务*软件维护费', amountFen: 200_000 }],
    });
    expect(bill).not.toHaveProperty('invoiceCode');
  });
});
