/*
 * The document's limits on uploads and photos. Our server checks them before calling, and the
 * simulator enforces them, so both read them here.
 */

/** Decoded images above this are refused, by the document's "大小不超过5M". */
export const ZJZ_MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** 图像分辨率: 小于6000×6000像素, read as each side below 6000. */
export const ZJZ_MAX_IMAGE_SIDE = 6000;

/** A `pic_id` is valid for 50 minutes (有效期50分钟). */
export const ZJZ_PIC_TTL_MS = 50 * 60 * 1000;
