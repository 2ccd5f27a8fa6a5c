import { makeIdNumber } from '@banshi/vendor-clients';
import { BILL_TYPES, type BillType, type SimpleInvoiceType } from '@banshi/vendor-clients/yundou';
import type { GeneratedBill, GeneratedVat } from './generated-bill.js';

const stamped = (invoiceCode: string, invoiceNumber: string, signDate: string, amountFen: number) =>
  ({ invoiceCode, invoiceNumber, signDate, amountFen, producer: 61, chapter: 1 }) as const;

const SIMPLE: Record<SimpleInvoiceType, GeneratedBill> = {
  toll: { type: 'toll', ...stamped('144031900111', '03785214', '2024-03-02', 3500) },
  utilities: { type: 'utilities', ...stamped('144032300211', '10475833', '2024-02-28', 28_650) },
  bus: { type: 'bus', ...stamped('144031800711', '00283371', '2024-03-04', 200) },
  office_supplies: { type: 'office_supplies', ...stamped('144032100111', '55201987', '2024-01-18', 46_800) },
  lodging: { type: 'lodging', ...stamped('131002200111', '04417290', '2024-03-06', 89_600) },
  parking: { type: 'parking', ...stamped('144031900611', '20931174', '2024-03-06', 1_500) },
  courier: { type: 'courier', ...stamped('144032000311', '66120345', '2024-02-21', 2_300) },
  phone: { type: 'phone', ...stamped('144032200411', '31887264', '2024-02-29', 12_800) },
  ship: { type: 'ship', ...stamped('144001900811', '00917736', '2024-01-27', 16_500) },
  ticket: { type: 'ticket', ...stamped('153002100911', '07731942', '2024-02-11', 12_000) },
  transit_card: { type: 'transit_card', ...stamped('111001900511', '88241077', '2024-02-01', 10_000) },
};

const PAYER = {
  name: '深圳市办事科技有限公司',
  bank: '招商银行深圳科技园支行',
  account: '755912345610801',
  tel: '0755-86001234',
  address: '深圳市南山区科技园科苑路15号',
  taxId: '91440300MA5G7K2X1P',
};
const PAYEE = {
  name: '广州云启信息技术有限公司',
  bank: '中国工商银行广州天河支行',
  account: '3602000109200123456',
  tel: '020-38881234',
  address: '广州市天河区珠江新城华夏路8号',
  taxId: '91440101MA9UJ3TQ4A',
};

const VAT_SPECIAL: GeneratedVat = {
  type: 'vat_special',
  invoiceCode: '4403231130',
  invoiceNumber: '02178456',
  signDate: '2024-03-05',
  amountFen: 300_000,
  taxFen: 39_000,
  totalFen: 339_000,
  checkCode: '',
  chapter: 1,
  invoiceOrder: 10,
  payer: PAYER,
  payee: PAYEE,
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
    },
    {
      name: '*计算机外部设备*扫描仪',
      specification: 'DS-530',
      unit: '台',
      quantity: '2',
      unitPrice: '500.00',
      amountFen: 100_000,
      taxFen: 13_000,
      taxRate: '13%',
    },
  ],
};

/** A 数电普票: no invoice code, a 20-digit number. */
export const SAMPLE_DIGITAL_VAT: GeneratedVat = {
  type: 'vat_ordinary',
  invoiceCode: '',
  invoiceNumber: '24442000000123456789',
  signDate: '2024-04-12',
  amountFen: 28_302,
  taxFen: 1_698,
  totalFen: 30_000,
  checkCode: '',
  chapter: 1,
  invoiceOrder: 0,
  payer: { ...PAYER, bank: '', account: '', tel: '', address: '' },
  payee: PAYEE,
  items: [
    {
      name: '*餐饮服务*餐费',
      specification: '',
      unit: '次',
      quantity: '1',
      unitPrice: '283.02',
      amountFen: 28_302,
      taxFen: 1_698,
      taxRate: '6%',
    },
  ],
};

const SAMPLES: Record<BillType, GeneratedBill> = {
  ...SIMPLE,
  train: {
    type: 'train',
    signDate: '2024-03-08',
    amountFen: 55_350,
    fullName: '李明',
    idNumber: makeIdNumber('440305', '19880612', 31),
  },
  didi: { type: 'didi', signDate: '2024-03-07', amountFen: 4_786, mobile: '13812345678' },
  flight: {
    type: 'flight',
    signDate: '2024-03-01',
    amountFen: 128_000,
    fullName: '王芳',
    idNumber: makeIdNumber('110105', '19920228', 46),
    producer: 61,
    territory: 1,
    chapter: 1,
  },
  taxi: {
    type: 'taxi',
    ...stamped('144031909110', '41278830', '2024-03-05', 3_260),
    time: '08:15-08:42',
    licenseNumber: '粤B·T1234',
  },
  coach: { type: 'coach', ...stamped('144001700311', '00471152', '2024-02-09', 9_800), fullName: '张伟' },
  quota: { type: 'quota', ...stamped('144032000111', '02310045', '2024-01-30', 5_000), expenseType: '餐饮' },
  fuel: {
    type: 'fuel',
    ...stamped('144032200111', '09952210', '2024-03-03', 35_000),
    city: '深圳市',
    province: '广东省',
  },
  bank: {
    type: 'bank',
    signDate: '2024-03-10',
    amountFen: 1_250_000,
    payer: { name: PAYER.name, bank: PAYER.bank, account: PAYER.account },
    payee: { name: PAYEE.name, bank: PAYEE.bank, account: PAYEE.account },
    chapter: 1,
  },
  vat_special: VAT_SPECIAL,
  vat_ordinary: {
    ...VAT_SPECIAL,
    type: 'vat_ordinary',
    vatTypeCode: '10',
    invoiceCode: '044032300111',
    invoiceNumber: '86312275',
    checkCode: '61273859104755236017',
    invoiceOrder: 0,
  },
};

/** A realistic bill of `type`, for tests and the sandbox. */
export function sampleBill(type: BillType): GeneratedBill {
  return structuredClone(SAMPLES[type]);
}

/** One sample of every bill type the document lists. */
export function sampleBills(): GeneratedBill[] {
  return BILL_TYPES.map(sampleBill);
}
