import {
  HttpTransport,
  parseJsonBody,
  systemClock,
  VendorApiError,
  type Clock,
  type TransportResponse,
} from '../core/index.js';
import { YUNDOU_MAX_IMAGE_BYTES, YUNDOU_PATHS, YUNDOU_VENDOR, type YundouApiPath } from './constants.js';
import { prepareImage } from './image.js';
import { YUNDOU_HEADERS, yundouSignature, yundouTimestamp, type YundouTimestampUnit } from './signing.js';
import type { YundouClientOptions, YundouUploadRequest, YundouUploadResponse, YundouUploadResult } from './types.js';

/**
 * The vendor has only `code` 0 / 1, so a reused oid can be told from other refusals by its message
 * alone. The document does not quote that message; these words cover "请勿重复上传", "oid已存在",
 * "数据已上传". Confirm against a real answer before going live.
 */
const OID_REUSED_PATTERN = /重复|已存在|已上传|exist|duplicate|repeat/i;

export function isOidReusedMessage(message: string | undefined): boolean {
  return message !== undefined && OID_REUSED_PATTERN.test(message);
}

const OID_PATTERN = /^[\x21-\x7e]{1,128}$/;

/** Client of 芸豆票据 (Yundou bill recognition), API document V2.0. */
export class YundouClient {
  private readonly transport: HttpTransport;
  private readonly clock: Clock;
  private readonly timestampUnit: YundouTimestampUnit;
  private readonly maxImageBytes: number;

  constructor(private readonly options: YundouClientOptions) {
    this.transport = new HttpTransport(YUNDOU_VENDOR, options);
    this.clock = options.clock ?? systemClock;
    this.timestampUnit = options.timestampUnit ?? 'seconds';
    this.maxImageBytes = options.maxImageBytes ?? YUNDOU_MAX_IMAGE_BYTES;
  }

  /**
   * 票据识别接口 · 发票上传接口 (`POST /api/bill/upload`): uploads a bill photo for recognition. The
   * typed result arrives later at `callbackUrl` (发票信息同步); read it with `parseYundouCallback`.
   *
   * Retried after timeouts and 5xx, since the oid makes the call idempotent on the vendor's side.
   * Throws `BillImageTooLargeError` / `BillImageInvalidError` before sending, `VendorApiError` (code
   * and message of the vendor) on a refusal, `VendorTimeoutError` / `VendorConnectionError`.
   */
  uploadBill(request: YundouUploadRequest): Promise<YundouUploadResult> {
    return this.upload(YUNDOU_PATHS.uploadBill, request);
  }

  /**
   * 二维码识别接口 · 二维码上传 (`POST /api/bill/qr_upload`, 1.1.1–1.1.6): uploads a photo of a QR code;
   * the decoded text arrives at `callbackUrl` (二维码信息同步, 1.2.1) as `data.content`. For a VAT
   * invoice QR, `parseVatQr` reads that text. Same errors and retries as `uploadBill`.
   */
  uploadQr(request: YundouUploadRequest): Promise<YundouUploadResult> {
    return this.upload(YUNDOU_PATHS.uploadQr, request);
  }

  private async upload(path: YundouApiPath, request: YundouUploadRequest): Promise<YundouUploadResult> {
    if (!OID_PATTERN.test(request.oid)) {
      throw new RangeError('oid must be 1-128 printable ASCII characters: it travels in a header');
    }
    const callbackUrl = parseCallbackUrl(request.callbackUrl);
    const image = prepareImage(request.image, this.maxImageBytes);
    const timestamp = yundouTimestamp(this.clock.now(), this.timestampUnit);
    const { companyId, apiKey } = this.options;

    const response = await this.transport.send({
      method: 'POST',
      path,
      headers: {
        [YUNDOU_HEADERS.companyId]: companyId,
        [YUNDOU_HEADERS.signature]: yundouSignature({ apiKey, api: path, companyId, timestamp }),
        [YUNDOU_HEADERS.timestamp]: timestamp,
        [YUNDOU_HEADERS.oid]: request.oid,
        [YUNDOU_HEADERS.oidAlias]: request.oid,
        [YUNDOU_HEADERS.callbackUrl]: callbackUrl,
        // "POST 请求参数 image": a PHP server reads `$_POST['image']`, which is filled from a form body
        // and not from JSON, so the form is the encoding every PHP framework understands.
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ image: image.base64 }).toString(),
      idempotent: true,
    });
    return readUploadAnswer(request.oid, response);
  }
}

function parseCallbackUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RangeError('callbackUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError('callbackUrl must be an absolute http(s) URL');
  }
  // URL serialisation percent-encodes anything a header could not carry.
  return url.toString();
}

function readUploadAnswer(oid: string, response: TransportResponse): YundouUploadResult {
  const body = parseJsonBody<YundouUploadResponse | null>(YUNDOU_VENDOR, response);
  const details = { httpStatus: response.status, rawBody: response.text.slice(0, 2000) };
  if (body === null || typeof body !== 'object' || body.code === undefined || body.code === null) {
    throw new VendorApiError(YUNDOU_VENDOR, `${YUNDOU_VENDOR} answered without a code`, {
      code: 'INVALID_RESPONSE',
      ...details,
    });
  }
  const message = typeof body.message === 'string' ? body.message : '';
  if (Number(body.code) === 0 && response.status < 300) {
    const id = body.data && !Array.isArray(body.data) ? body.data.id : undefined;
    if (id === undefined || id === null || id === '') {
      throw new VendorApiError(YUNDOU_VENDOR, `${YUNDOU_VENDOR} accepted the upload without an id`, {
        code: 'INVALID_RESPONSE',
        ...details,
      });
    }
    return { status: 'accepted', oid, vendorId: String(id), message };
  }
  if (isOidReusedMessage(message)) return { status: 'already_accepted', oid, message };
  throw new VendorApiError(YUNDOU_VENDOR, message || `${YUNDOU_VENDOR} refused the upload`, {
    code: String(body.code),
    ...details,
  });
}
