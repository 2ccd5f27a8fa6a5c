import type { SimpleInvoiceType } from './bill-types.js';
import { parseYundouCallback, type BillRecognisedEvent } from './callback.js';

/** Posts one vendor-shaped bill result through the parser, as JSON. */
function recognised(type: string, data: Record<string, unknown>): BillRecognisedEvent {
  const body = { code: 0, 'x-oid': 'oid-1', bid: 9001, message: '识别成功', type, data };
  const event = parseYundouCallback({ rawBody: JSON.stringify(body), contentType: 'application/json' });
  if (event.kind !== 'bill_recognised') throw new Error(`expected a bill, got ${event.kind}`);
  return event;
}

const stampedRaw = {
  sign_date: '2024-03-02',
  Invoice_code: '144031900111',
  invoice_number: '03785214',
  amount: '35.00',
  producer: 61,
  chapter: 1,
};
const stampedTyped = {
  signDate: '2024-03-02',
  invoiceCode: '144031900111',
  invoiceNumber: '03785214',
  amountFen: 3500,
  producer: { code: 61, label: '国家税务总局' },
  chapter: { code: 1, label: '有章' },
};

describe('bill parser: one test per document bill type', () => {
  it('火车票 → train', () => {
    const event = recognised('火车票', {
      sign_date: '2024年3月8日',
      full_name: '李明',
      id_number: '44030519880612031X',
      amount: '553.50',
    });
    expect(event.bill).toEqual({
      type: 'train',
      vendorType: '火车票',
      signDate: '2024-03-08',
      fullName: '李明',
      idNumber: '44030519880612031X',
      amountFen: 55_350,
    });
    expect(event).toMatchObject({ oid: 'oid-1', billId: '9001', warnings: [] });
  });

  it('滴滴行程单 → didi', () => {
    expect(recognised('滴滴行程单', { sign_date: '2024/3/7', amount: 47.86, mobile: '13812345678' }).bill).toEqual({
      type: 'didi',
      vendorType: '滴滴行程单',
      signDate: '2024-03-07',
      amountFen: 4786,
      mobile: '13812345678',
    });
  });

  it('飞机票 → flight, with producer, territory and chapter codes labelled', () => {
    const { bill } = recognised('飞机票', {
      sign_date: '20240301',
      amount: '1280.00',
      producer: '63',
      territory: 2,
      full_name: '王芳',
      id_number: '110105199202280466',
      chapter: '2',
    });
    expect(bill).toEqual({
      type: 'flight',
      vendorType: '飞机票',
      signDate: '2024-03-01',
      amountFen: 128_000,
      producer: { code: 63, label: '其他' },
      territory: { code: 2, label: '境外' },
      fullName: '王芳',
      idNumber: '110105199202280466',
      chapter: { code: 2, label: '无章' },
    });
  });

  it('出租车票 → taxi, reading Invoice_code (capital I)', () => {
    const { bill } = recognised('出租车票', { ...stampedRaw, time: '08:15-08:42', license_number: '粤B·T1234' });
    expect(bill).toEqual({
      type: 'taxi',
      vendorType: '出租车票',
      ...stampedTyped,
      time: '08:15-08:42',
      licenseNumber: '粤B·T1234',
    });
  });

  it('出租车票 → taxi, reading invoice_code (lower case) too', () => {
    const { Invoice_code: code, ...rest } = stampedRaw;
    expect(recognised('出租车票', { ...rest, invoice_code: code }).bill).toMatchObject({ invoiceCode: code });
  });

  it('长途客车票 → coach', () => {
    expect(recognised('长途客车票', { ...stampedRaw, full_name: '张伟' }).bill).toEqual({
      type: 'coach',
      vendorType: '长途客车票',
      ...stampedTyped,
      fullName: '张伟',
    });
  });

  it('定额发票 → quota, its data.type read as the expense type', () => {
    expect(recognised('定额发票', { ...stampedRaw, type: '餐饮' }).bill).toEqual({
      type: 'quota',
      vendorType: '定额发票',
      ...stampedTyped,
      expenseType: '餐饮',
    });
  });

  it('汽油费 → fuel, with city and province', () => {
    expect(recognised('汽油费', { ...stampedRaw, city: '深圳市', province: '广东省' }).bill).toEqual({
      type: 'fuel',
      vendorType: '汽油费',
      ...stampedTyped,
      city: '深圳市',
      province: '广东省',
    });
  });

  it.each<[string, SimpleInvoiceType]>([
    ['过路过桥费', 'toll'],
    ['水电费', 'utilities'],
    ['公交', 'bus'],
    ['工缴费', 'bus'],
    ['办公用品', 'office_supplies'],
    ['住宿费', 'lodging'],
    ['停车费', 'parking'],
    ['快递费', 'courier'],
    ['电话费', 'phone'],
    ['船票', 'ship'],
    ['门票', 'ticket'],
    ['公交一卡通', 'transit_card'],
  ])('%s → %s', (vendorType, type) => {
    expect(recognised(vendorType, stampedRaw).bill).toEqual({ type, vendorType, ...stampedTyped });
  });

  it.each(['银行票据', '银行发票'])('%s → bank, with Amount (capital A) and the recieve_ spelling', (vendorType) => {
    const { bill } = recognised(vendorType, {
      sign_date: '2024-03-10',
      Amount: '12,500.00',
      pay_name: '深圳市办事科技有限公司',
      pay_bank: '招商银行深圳科技园支行',
      pay_account: '755912345610801',
      recieve_name: '广州云启信息技术有限公司',
      recieve_bank: '中国工商银行广州天河支行',
      recieve_account: '3602000109200123456',
      chapter: 1,
    });
    expect(bill).toEqual({
      type: 'bank',
      vendorType,
      signDate: '2024-03-10',
      amountFen: 1_250_000,
      payer: { name: '深圳市办事科技有限公司', bank: '招商银行深圳科技园支行', account: '755912345610801' },
      payee: { name: '广州云启信息技术有限公司', bank: '中国工商银行广州天河支行', account: '3602000109200123456' },
      chapter: { code: 1, label: '有章' },
    });
  });

  it('notes values it cannot normalise instead of failing the callback', () => {
    const event = recognised('停车费', { ...stampedRaw, amount: '拾伍元', producer: 99, sign_date: '2024-02-30' });
    expect(event.bill).not.toHaveProperty('amountFen');
    expect(event.bill).not.toHaveProperty('producer');
    expect(event.warnings).toEqual([
      'sign_date: "2024-02-30" is not a date',
      'amount: "拾伍元" is not an amount',
      'producer: 99 is not a known code',
    ]);
  });

  it('keeps a bill of a type it does not know, raw', () => {
    const event = recognised('机动车销售统一发票', { amount: '100000.00' });
    expect(event.bill).toEqual({ type: 'other', vendorType: '机动车销售统一发票', data: { amount: '100000.00' } });
    expect(event.warnings).toEqual(['unknown bill type "机动车销售统一发票"']);
  });
});
