import type { Clock, VendorClientOptions } from '../core/index.js';
import type { YundouImageInput } from './image.js';
import type { YundouTimestampUnit } from './signing.js';

export interface YundouClientOptions extends VendorClientOptions {
  /** `x-cid`: 公司ID, given by the vendor's administrator. */
  companyId: string;
  /** 私钥: the first part of the signed string. */
  apiKey: string;
  /** Unit of the `t` header; seconds unless the vendor says otherwise (see `yundouTimestamp`). */
  timestampUnit?: YundouTimestampUnit;
  /** Largest image file accepted before sending; defaults to `YUNDOU_MAX_IMAGE_BYTES` (2 MiB). */
  maxImageBytes?: number;
  clock?: Clock;
}

export interface YundouUploadRequest {
  /**
   * Our unique id for this upload, the vendor's idempotency key (`oid` / `x-oid`, "唯一标示,防止重新上传").
   * Printable ASCII, because it travels in a header. Keep the same oid when retrying the same image.
   */
  oid: string;
  /**
   * `c-url`, where the result is posted. The callback is not signed: this URL must carry an
   * unguessable per-upload token that our server checks.
   */
  callbackUrl: string;
  /** The JPEG (the document asks for 300 dpi jpg), as bytes or base64. At most 2 MiB. */
  image: YundouImageInput;
}

/**
 * The vendor took the image: its id is in `vendorId` and the result will come to `c-url`.
 * `already_accepted` means the vendor refused the oid as reused, i.e. an earlier attempt with this oid
 * reached it (typically a retry after a timeout whose first answer was lost). The result of that
 * earlier upload still comes to its `c-url`, keyed by oid; the vendor's id arrives there as `bid`.
 */
export type YundouUploadResult =
  | { status: 'accepted'; oid: string; vendorId: string; message: string }
  | { status: 'already_accepted'; oid: string; vendorId?: undefined; message: string };

/** The upload answer: `{"data":{"id":34},"code":0,"message":"上传成功"}` (1.1.6). */
export interface YundouUploadResponse {
  code: number | string;
  message?: string;
  data?: { id?: number | string } | unknown[] | null;
}
