/**
 * The services a merchant may charge for, with what the user is shown. A service adds its key
 * here when it is wired to payments (`PaidService`); a key without a row in `service_prices`
 * costs 0 and has no payment step.
 */
export const PRICED_SERVICES = {
  inspection: { label: '年检代办服务费', unit: '每单' },
  id_photo_receipt: { label: '证件照回执', unit: '每单' },
  // zjzapi prints and mails as one option (is_print): one extra for both.
  id_photo_print: { label: '证件照打印邮寄（加收）', unit: '每单' },
  identity: { label: '实名核验费', unit: '每次' },
  // One photo sent to Yundou = one order = one charge, however many bills it turns out to hold: the
  // user knows the price before choosing the photo, never a count only the vendor finds out.
  invoice_scan: { label: '票据拍照识别', unit: '每张照片' },
  // The merchant's own fee on a violation-payment order, on top of the fines and Docloud's fees.
  violation_service: { label: '违章代缴服务费', unit: '每条' },
} as const;

export type PricedService = keyof typeof PRICED_SERVICES;

export const PRICED_SERVICE_KEYS = Object.keys(PRICED_SERVICES) as PricedService[];

/** ¥10,000: above this a price is a typing mistake, not a fee. */
export const MAX_PRICE_FEN = 1_000_000;
