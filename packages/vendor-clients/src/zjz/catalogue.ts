import type { ZjzParamKind } from '../tables/index.js';
import type { ZjzColorName, ZjzItem } from './types.js';

// The tables the mini-program shows too (colours, param kinds) live in tables/: one copy.
export { ZJZ_BACKGROUND_COLORS, ZJZ_COLOR_LABELS, ZJZ_PARAM_KINDS, type ZjzParamKind } from '../tables/index.js';

/** One field of a spec's `param` JSON, with the label shown to the user. */
export interface ZjzParamField {
  name: string;
  label: string;
  kind: ZjzParamKind;
  required: boolean;
}

/**
 * A receipt spec as Banshi configures it. The vendor's spec list publishes sizes and colours but not
 * which `param` fields a receipt needs, so those live here, beside the sizes the simulator serves.
 */
export interface ZjzReceiptSpec {
  itemId: number;
  name: string;
  category: string;
  categoryId: number;
  widthMm: number;
  heightMm: number;
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** Background colours, first one used on the receipt. */
  colors: ZjzColorName[];
  /** JPEG file size range in KB that the issuing authority accepts; absent when it sets none. */
  fileSizeKb?: { min: number; max: number };
  params: ZjzParamField[];
  /**
   * Sets of fields of which at least one must be complete: the document's 广东驾驶证 examples take
   * either `text_name` + `text_idcard` or `image_idcard`.
   */
  oneOf?: string[][];
  /** Whether a done order also gets a print layout (`image_print`): 广东驾驶证 and 港澳通行证 per the document. */
  printLayout: boolean;
}

/** 接口费用: charged when an order is done, plus the same again for printing and mailing. */
export const ZJZ_RECEIPT_PRICE_FEN = 700;
export const ZJZ_PRINT_PRICE_FEN = 700;

const NAME: ZjzParamField = { name: 'text_name', label: '姓名', kind: 'text', required: true };
const IDCARD: ZjzParamField = { name: 'text_idcard', label: '身份证号', kind: 'idcard', required: true };
const MOBILE: ZjzParamField = { name: 'text_mobile', label: '手机号', kind: 'phone', required: true };
const CITY: ZjzParamField = { name: 'text_city', label: '办理城市', kind: 'city', required: true };
const optional = (field: ZjzParamField): ZjzParamField => ({ ...field, required: false });
const IDCARD_IMAGE: ZjzParamField = { name: 'image_idcard', label: '身份证人像面照片', kind: 'image', required: false };

const COMMON = { category: '常用尺寸', categoryId: 1 };
const CARDS = { category: '证件照', categoryId: 2 };
const TRAVEL = { category: '出入境', categoryId: 3 };
const EXAMS = { category: '考试报名', categoryId: 4 };

/** 300 dpi portrait 33×48 mm, the size of every 出入境 document photo. */
const TRAVEL_SIZE = { widthMm: 33, heightMm: 48, widthPx: 390, heightPx: 567, dpi: 300 };
/** 26×32 mm at 350 dpi: the second-generation ID card and the cards printed from its photo. */
const CARD_SIZE = { widthMm: 26, heightMm: 32, widthPx: 358, heightPx: 441, dpi: 350 };

export const ZJZ_SPECS: readonly ZjzReceiptSpec[] = [
  {
    itemId: 1,
    name: '一寸',
    ...COMMON,
    widthMm: 25,
    heightMm: 35,
    widthPx: 295,
    heightPx: 413,
    dpi: 300,
    colors: ['white', 'blue', 'red'],
    params: [NAME, MOBILE],
    printLayout: false,
  },
  {
    itemId: 2,
    name: '二寸',
    ...COMMON,
    widthMm: 35,
    heightMm: 49,
    widthPx: 413,
    heightPx: 579,
    dpi: 300,
    colors: ['white', 'blue', 'red'],
    params: [NAME, MOBILE],
    printLayout: false,
  },
  {
    itemId: 3,
    name: '小二寸',
    ...COMMON,
    widthMm: 35,
    heightMm: 45,
    widthPx: 413,
    heightPx: 531,
    dpi: 300,
    colors: ['white', 'blue', 'red'],
    params: [NAME, MOBILE],
    printLayout: false,
  },
  {
    itemId: 21,
    name: '身份证',
    ...CARDS,
    ...CARD_SIZE,
    colors: ['white'],
    fileSizeKb: { min: 20, max: 60 },
    params: [NAME, IDCARD, MOBILE, CITY],
    printLayout: false,
  },
  {
    itemId: 22,
    name: '社保卡',
    ...CARDS,
    ...CARD_SIZE,
    colors: ['white'],
    fileSizeKb: { min: 9, max: 20 },
    params: [NAME, IDCARD, MOBILE, { ...CITY, label: '参保城市' }],
    printLayout: false,
  },
  {
    itemId: 23,
    name: '居住证',
    ...CARDS,
    ...CARD_SIZE,
    colors: ['white'],
    fileSizeKb: { min: 20, max: 60 },
    params: [NAME, IDCARD, MOBILE, { ...CITY, label: '居住城市' }],
    printLayout: false,
  },
  {
    itemId: 24,
    name: '广东驾驶证',
    ...CARDS,
    widthMm: 22,
    heightMm: 32,
    widthPx: 260,
    heightPx: 378,
    dpi: 300,
    colors: ['white'],
    fileSizeKb: { min: 14, max: 30 },
    params: [MOBILE, CITY, optional(NAME), optional(IDCARD), IDCARD_IMAGE],
    oneOf: [['text_name', 'text_idcard'], ['image_idcard']],
    printLayout: true,
  },
  {
    itemId: 31,
    name: '护照',
    ...TRAVEL,
    ...TRAVEL_SIZE,
    colors: ['white'],
    fileSizeKb: { min: 40, max: 120 },
    params: [NAME, IDCARD, MOBILE],
    printLayout: false,
  },
  {
    itemId: 32,
    name: '港澳通行证',
    ...TRAVEL,
    ...TRAVEL_SIZE,
    colors: ['white'],
    fileSizeKb: { min: 40, max: 120 },
    params: [NAME, IDCARD, MOBILE],
    printLayout: true,
  },
  {
    itemId: 33,
    name: '台湾通行证',
    ...TRAVEL,
    ...TRAVEL_SIZE,
    colors: ['white'],
    fileSizeKb: { min: 40, max: 120 },
    params: [NAME, IDCARD, MOBILE],
    printLayout: false,
  },
  {
    itemId: 41,
    name: '教师资格证',
    ...EXAMS,
    widthMm: 25,
    heightMm: 35,
    widthPx: 295,
    heightPx: 413,
    dpi: 300,
    colors: ['white', 'blue'],
    fileSizeKb: { min: 10, max: 200 },
    params: [NAME, IDCARD],
    printLayout: false,
  },
];

export function findZjzSpec(itemId: number, specs: readonly ZjzReceiptSpec[] = ZJZ_SPECS): ZjzReceiptSpec | undefined {
  return specs.find((spec) => spec.itemId === itemId);
}

/** What the server offers for one item of the vendor's list: the vendor's sizes, our param configuration. */
export interface ZjzOfferedSpec extends ZjzItem {
  /** From the catalogue; undefined when the vendor lists an item Banshi has not configured (do not offer it). */
  params?: ZjzParamField[];
  oneOf?: string[][];
  printLayout: boolean;
}

/**
 * Merges the vendor's live list with the catalogue. The vendor is right about sizes and colours;
 * the catalogue only adds what the vendor does not publish.
 */
export function mergeWithCatalogue(
  items: readonly ZjzItem[],
  specs: readonly ZjzReceiptSpec[] = ZJZ_SPECS,
): ZjzOfferedSpec[] {
  return items.map((item) => {
    const spec = findZjzSpec(item.itemId, specs);
    return {
      ...item,
      params: spec?.params.map((field) => ({ ...field })),
      oneOf: spec?.oneOf?.map((set) => [...set]),
      printLayout: spec?.printLayout ?? false,
    };
  });
}

/** The vendor's wording of a size range, as `/item/list` shows it in `file_size_msg`. */
export function fileSizeMessage(spec: ZjzReceiptSpec): string {
  if (!spec.fileSizeKb) return '不限';
  return `${spec.fileSizeKb.min}-${spec.fileSizeKb.max}KB`;
}
