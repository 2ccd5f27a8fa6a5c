/** Vendor name carried by every error and simulator of this folder. */
export const YUNDOU_VENDOR = 'yundou';

/** The two endpoints; the path is also the `API` part of the signed string. */
export const YUNDOU_PATHS = {
  /** 发票上传接口 */
  uploadBill: '/api/bill/upload',
  /** 二维码上传 (1.1.1) */
  uploadQr: '/api/bill/qr_upload',
} as const;

export type YundouApiPath = (typeof YUNDOU_PATHS)[keyof typeof YUNDOU_PATHS];

/**
 * "image (0,2)M" / "不大于2M": read as 2 MiB of image file bytes (before base64). If the vendor turns
 * out to measure the base64 text instead, the file limit is 1.5 MiB: pass `maxImageBytes` to the client.
 */
export const YUNDOU_MAX_IMAGE_BYTES = 2 * 1024 * 1024;
