import { VendorError } from '../core/index.js';
import { YUNDOU_VENDOR } from './constants.js';

/**
 * The image is over the document's limit ("image (0,2)M", "不大于2M"). Thrown before anything is sent,
 * so the oid is still unused and the caller may resize and try again with the same oid.
 */
export class BillImageTooLargeError extends VendorError {
  constructor(
    readonly sizeBytes: number,
    readonly maxBytes: number,
  ) {
    super(YUNDOU_VENDOR, `图片大小为 ${formatMb(sizeBytes)}，超过 ${formatMb(maxBytes)} 的上限，请压缩后重新上传`);
  }
}

/** The image is empty or its base64 text is not base64. Thrown before anything is sent. */
export class BillImageInvalidError extends VendorError {
  constructor(message: string) {
    super(YUNDOU_VENDOR, message);
  }
}

/**
 * A Yundou callback body that cannot be read as one (not JSON nor a form, no `x-oid`, no `code`,
 * `data` of the wrong shape). The server should answer it with a 4xx and keep the raw body.
 */
export class CallbackFormatError extends VendorError {
  constructor(
    message: string,
    readonly rawBody?: string,
  ) {
    super(YUNDOU_VENDOR, message);
  }
}

/** A string that is not a China VAT invoice QR text; the message says, in Chinese, what is wrong. */
export class VatQrParseError extends Error {
  constructor(
    message: string,
    readonly text: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
