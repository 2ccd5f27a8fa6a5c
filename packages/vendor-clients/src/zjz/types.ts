import type { VendorClientOptions } from '../core/index.js';

/** The vendor's production address, from the document's 接口地址. */
export const ZJZ_BASE_URL = 'https://api.zjzapi.com';

export const ZJZ_VENDOR = 'zjz';

export interface ZjzClientOptions extends VendorClientOptions {
  /** 应用的key: sent as `key` in every request; its md5 signs the callbacks. */
  apiKey: string;
}

/** Every answer of the vendor: `code === 0` is success, anything else carries a reason in `msg`. */
export interface ZjzEnvelope<T> {
  code: number | string;
  msg?: string;
  data?: T;
}

/** One spec as `/item/list` sends it: every field is a string, `color` a list written like `"['blue','white']"`. */
export interface ZjzWireItem {
  item_id: string;
  name: string;
  width_px: string;
  height_px: string;
  width_mm: string;
  height_mm: string;
  dpi: string;
  file_size_msg: string;
  color: string;
}

/** `/item/get` adds the file size range (KB) and the category. */
export interface ZjzWireItemDetail extends ZjzWireItem {
  file_size_min: string;
  file_size_max: string;
  category: string;
  category_id: string;
}

/** Background colour names the vendor uses in `color` and as keys of the made photos. */
export type ZjzColorName = 'white' | 'blue' | 'red' | (string & {});

/** A spec as the client returns it: numbers are numbers, colours a list. */
export interface ZjzItem {
  itemId: number;
  name: string;
  widthPx: number;
  heightPx: number;
  widthMm: number;
  heightMm: number;
  dpi: number;
  /** The vendor's own wording of the file size rule, for display ("14-30KB"). */
  fileSizeMsg: string;
  colors: ZjzColorName[];
}

export interface ZjzItemDetail extends ZjzItem {
  /** Lower bound in KB; undefined when the spec sets none (the vendor sends "0" or ""). */
  fileSizeMinKb?: number;
  /** Upper bound in KB; undefined when the spec sets none. */
  fileSizeMaxKb?: number;
  category: string;
  categoryId: number;
}

export interface ZjzMakePhotoParams {
  /** 规格id, from 《查看回执规格列表》. */
  itemId: number;
  /** The photo: raw bytes, or their base64 text. At most 5 MB, JPEG or PNG, smaller than 6000×6000 px. */
  image: Buffer | Uint8Array | string;
}

export interface ZjzMadePhoto {
  /** Numeric string; valid for 50 minutes, to be passed to `submitReceipt`. */
  picId: string;
  /** The made photo for each background colour of the spec, on the vendor's servers: `{ white: url }`. */
  photos: Record<ZjzColorName, string>;
}

/**
 * 附加参数: what each spec asks for (see the catalogue), e.g. for 广东驾驶证
 * `{ text_mobile, text_city, text_name, text_idcard }` or `image_idcard` (base64) instead of name and number.
 */
export type ZjzReceiptParam = Record<string, string>;

/** 打印邮寄 recipient: every field is required when `isPrint` is set. */
export interface ZjzPrintParam {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  address: string;
}

export interface ZjzSubmitParams {
  picId: string;
  /** 回调地址: should carry an unguessable token, since the callback sign is the same for every callback. */
  noticeUrl: string;
  param: ZjzReceiptParam;
  /** 打印邮寄: costs another 7 yuan and makes `printParam` required. */
  isPrint?: boolean;
  printParam?: ZjzPrintParam;
}

export interface ZjzResubmitParams extends ZjzSubmitParams {
  /** The rejected order's number (20 digits, kept as a string). */
  orderNo: string;
}

export interface ZjzSubmitted {
  /** 20 digits: always a string, never a JS number (it does not fit in one). */
  orderNo: string;
}

/**
 * Order status as the callback's `status` carries it. The document names no number for 待处理 (pending,
 * the only state in which an order can be cancelled); it is never sent in a callback.
 */
export const ZJZ_STATUS = {
  REVIEWING: 2,
  DONE: 3,
  SHIPPED: 4,
  REJECTED: -1,
  CANCELLED: -2,
} as const;

export type ZjzCallbackStatus = (typeof ZJZ_STATUS)[keyof typeof ZJZ_STATUS];

export interface ZjzLogisticsInfo {
  expressName: string;
  expressNo: string;
}
