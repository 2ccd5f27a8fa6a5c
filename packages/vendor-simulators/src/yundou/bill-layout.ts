import { fenToYuan } from '@banshi/vendor-clients';
import { CHAPTERS, INVOICE_ORDERS, PRODUCERS, TERRITORIES } from '@banshi/vendor-clients/yundou';
import type { GeneratedBill, GeneratedVat } from './generated-bill.js';

/** What a bill prints, before it is drawn: a title, label/value pairs and, on VAT bills, item rows. */
export interface BillLayout {
  title: string;
  subtitle: string;
  paper: string;
  accent: string;
  fields: [string, string][];
  itemHeader?: string[];
  items?: string[][];
  stamped: boolean;
  footer: string;
}

const yuan = (fen: number) => `¥${fenToYuan(fen)}`;
const chineseDate = (date: string) => date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日');
// Tickets print the middle of an id number masked; the QR still carries it whole.
const maskedId = (id: string) => `${id.slice(0, 10)}****${id.slice(14)}`;

const TITLES: Record<GeneratedBill['type'], string> = {
  train: '火车票',
  didi: '滴滴出行 行程单',
  flight: '航空运输电子客票行程单',
  taxi: '出租汽车专用发票',
  coach: '公路旅客运输客票',
  quota: '通用定额发票',
  toll: '车辆通行费发票',
  utilities: '水电费发票',
  bus: '公共汽车票',
  office_supplies: '办公用品销售发票',
  lodging: '住宿服务发票',
  parking: '停车服务发票',
  courier: '快递服务发票',
  phone: '通信服务费发票',
  ship: '水路旅客运输船票',
  ticket: '景区门票',
  fuel: '成品油销售发票',
  transit_card: '公交一卡通充值发票',
  bank: '银行业务回单',
  vat_special: '增值税专用发票',
  vat_ordinary: '增值税普通发票',
};

const PAPER: Partial<Record<GeneratedBill['type'], [string, string]>> = {
  train: ['#e4f0fa', '#1d5fa8'],
  didi: ['#ffffff', '#f26b21'],
  flight: ['#f4f8ee', '#2d6a3e'],
  bank: ['#ffffff', '#1f4e8c'],
};

export function billLayout(bill: GeneratedBill): BillLayout {
  const [paper, accent] = PAPER[bill.type] ?? ['#fdfaf1', '#9c2b23'];
  const base = { paper, accent, title: TITLES[bill.type], stamped: false, footer: '收款单位（章）    开票人：系统' };
  const supervised = (producer: 61 | 62 | 63) => `${PRODUCERS[producer].label}监制`;
  switch (bill.type) {
    case 'train':
      return {
        ...base,
        subtitle: '中国铁路 China Railway',
        footer: '买票请到12306  发货请到95306',
        fields: [
          ['乘车日期', chineseDate(bill.signDate)],
          ['票价', yuan(bill.amountFen)],
          ['旅客', bill.fullName],
          ['身份证号', maskedId(bill.idNumber)],
        ],
      };
    case 'didi':
      return {
        ...base,
        subtitle: 'DiDi Travel Itinerary',
        footer: '本行程单仅供报销参考',
        fields: [
          ['申请日期', bill.signDate],
          ['行程金额', yuan(bill.amountFen)],
          ['行程人手机号', bill.mobile],
        ],
      };
    case 'flight':
      return {
        ...base,
        subtitle: `${TERRITORIES[bill.territory].label} · ${supervised(bill.producer)}`,
        stamped: bill.chapter === 1,
        fields: [
          ['填开日期', chineseDate(bill.signDate)],
          ['合计', yuan(bill.amountFen)],
          ['旅客姓名', bill.fullName],
          ['有效身份证件号码', maskedId(bill.idNumber)],
        ],
      };
    case 'bank':
      return {
        ...base,
        subtitle: '电子回单 Electronic Receipt',
        footer: '本回单可通过网上银行重复打印，请勿重复记账',
        stamped: bill.chapter === 1,
        fields: [
          ['日期', bill.signDate],
          ['金额', yuan(bill.amountFen)],
          ['付款方户名', bill.payer.name],
          ['收款方户名', bill.payee.name],
          ['付款方开户行', bill.payer.bank],
          ['收款方开户行', bill.payee.bank],
          ['付款方账号', bill.payer.account],
          ['收款方账号', bill.payee.account],
        ],
      };
    case 'vat_special':
    case 'vat_ordinary':
      return vatLayout(bill, base);
    default: {
      const fields: [string, string][] = [
        ['发票代码', bill.invoiceCode],
        ['发票号码', bill.invoiceNumber],
        ['日期', chineseDate(bill.signDate)],
        ['金额', yuan(bill.amountFen)],
      ];
      if (bill.type === 'taxi') fields.push(['乘车时间', bill.time], ['车号', bill.licenseNumber]);
      if (bill.type === 'coach') fields.push(['乘客', bill.fullName]);
      if (bill.type === 'quota') fields.push(['费用类型', bill.expenseType]);
      if (bill.type === 'fuel') fields.push(['省份', bill.province], ['城市', bill.city]);
      return { ...base, subtitle: `${supervised(bill.producer)} · 发票联`, stamped: bill.chapter === 1, fields };
    }
  }
}

function vatLayout(bill: GeneratedVat, base: Omit<BillLayout, 'subtitle' | 'fields' | 'footer'>): BillLayout {
  const digital = bill.invoiceCode === '';
  const title = digital
    ? `电子发票（${bill.type === 'vat_special' ? '增值税专用发票' : '普通发票'}）`
    : bill.vatTypeCode === '10'
      ? '增值税电子普通发票'
      : base.title;
  const fields: [string, string][] = [
    ...(digital ? [] : ([['发票代码', bill.invoiceCode]] as [string, string][])),
    ['发票号码', bill.invoiceNumber],
    ['开票日期', chineseDate(bill.signDate)],
    ...(bill.checkCode ? ([['校验码', bill.checkCode]] as [string, string][]) : []),
    ['购买方名称', bill.payer.name],
    ['销售方名称', bill.payee.name],
    ['购买方纳税人识别号', bill.payer.taxId],
    ['销售方纳税人识别号', bill.payee.taxId],
    ['购买方地址、电话', `${bill.payer.address} ${bill.payer.tel}`.trim()],
    ['销售方地址、电话', `${bill.payee.address} ${bill.payee.tel}`.trim()],
    ['金额合计', yuan(bill.amountFen)],
    ['税额合计', yuan(bill.taxFen)],
    ['价税合计（小写）', yuan(bill.totalFen)],
    ['联次', INVOICE_ORDERS[bill.invoiceOrder].label],
  ];
  return {
    ...base,
    title,
    subtitle: digital ? '国家税务总局监制' : `${CHAPTERS[bill.chapter].label} · 国家税务总局监制`,
    footer: '收款人：王丽    复核：陈强    开票人：系统    销售方：（章）',
    stamped: bill.chapter === 1,
    fields,
    itemHeader: ['项目名称', '规格型号', '单位', '数量', '单价', '金额', '税率', '税额'],
    items: bill.items.map((item) => [
      item.name,
      item.specification,
      item.unit,
      item.quantity,
      item.unitPrice,
      fenToYuan(item.amountFen),
      item.taxRate,
      fenToYuan(item.taxFen),
    ]),
  };
}
