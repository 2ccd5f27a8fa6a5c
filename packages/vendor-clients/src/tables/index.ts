/**
 * The vendors' code tables that the mini-program shows as well as the server: one copy, here.
 *
 * Imported by the server (through the vendor modules that re-export these names) and by the mini-program
 * (`@banshi/vendor-clients/tables`, resolved to this file by its Taro, jest and tsconfig aliases), so this
 * file must import nothing: no Node built-in, no package, no other file of vendor-clients.
 */

/** The bills Yundou recognises ("type 详解"), by our names. */
export const BILL_TYPES = [
  'train',
  'didi',
  'flight',
  'taxi',
  'coach',
  'quota',
  'toll',
  'utilities',
  'bus',
  'office_supplies',
  'lodging',
  'parking',
  'courier',
  'phone',
  'ship',
  'ticket',
  'fuel',
  'transit_card',
  'bank',
  'vat_special',
  'vat_ordinary',
] as const;

export type BillType = (typeof BILL_TYPES)[number];

/** The `type` text of each bill, as Yundou's "data 详解" headings write it (and as users know the bills). */
export const BILL_TYPE_LABELS: Readonly<Record<BillType, string>> = {
  train: '火车票',
  didi: '滴滴行程单',
  flight: '飞机票',
  taxi: '出租车票',
  coach: '长途客车票',
  quota: '定额发票',
  toll: '过路过桥费',
  utilities: '水电费',
  bus: '公交',
  office_supplies: '办公用品',
  lodging: '住宿费',
  parking: '停车费',
  courier: '快递费',
  phone: '电话费',
  ship: '船票',
  ticket: '门票',
  fuel: '汽油费',
  transit_card: '公交一卡通',
  bank: '银行票据',
  vat_special: '增值税专用发票',
  vat_ordinary: '增值税普通发票',
};

/** What a bill of a `type` text Banshi does not know (kept as `other`) is called. */
export const OTHER_BILL_TYPE_LABEL = '其他票据';

/** zjzapi's background colours, by the vendor's names. */
export const ZJZ_COLORS = ['white', 'blue', 'red'] as const;

export type ZjzKnownColor = (typeof ZJZ_COLORS)[number];

/**
 * Hex values of the background colours, as the vendor renders them. Keyed by any string because the
 * vendor's list may name a colour this table does not know yet: callers fall back.
 */
export const ZJZ_BACKGROUND_COLORS: Readonly<Record<string, string>> = {
  white: '#FFFFFF',
  blue: '#438EDB',
  red: '#FF0000',
} satisfies Record<ZjzKnownColor, string>;

/** What a person calls each background (any string key: see above). */
export const ZJZ_COLOR_LABELS: Readonly<Record<string, string>> = {
  white: '白底',
  blue: '蓝底',
  red: '红底',
} satisfies Record<ZjzKnownColor, string>;

/** The kinds of fields a receipt's `param` JSON holds (how each is typed in and checked). */
export const ZJZ_PARAM_KINDS = ['text', 'idcard', 'phone', 'city', 'image'] as const;

export type ZjzParamKind = (typeof ZJZ_PARAM_KINDS)[number];
