import { parseBillData } from './bill-parser.js';
import type { YundouBill } from './bill-types.js';
import { CallbackFormatError } from './errors.js';
import { decodeFormBody } from './form-body.js';

/** The raw callback as our server receives it. */
export interface YundouCallbackRequest {
  rawBody: string | Uint8Array;
  /** The request's `content-type`; the body is sniffed when it is missing. */
  contentType?: string;
}

interface CallbackCommon {
  /** `x-oid`: the id we gave at upload. */
  oid: string;
  code: number;
  message: string;
  /** The body as decoded, for the event log. */
  raw: Record<string, unknown>;
}

/** 发票信息同步 with `code: 0`. */
export interface BillRecognisedEvent extends CallbackCommon {
  kind: 'bill_recognised';
  /** `bid`, the vendor's bill id. One image may hold several bills: key results by oid and bid. */
  billId?: string;
  bill: YundouBill;
  warnings: string[];
}

/** 二维码信息同步 (1.2.1) with `code: 0`. */
export interface QrDecodedEvent extends CallbackCommon {
  kind: 'qr_decoded';
  /** `data.id`, the vendor's id of the QR upload. */
  qrId?: string;
  /** `data.content`: the QR's text (for an invoice, read it with `parseVatQr`). */
  content: string;
  warnings: string[];
}

/** Any callback with `code !== 0`: the vendor could not read the image. */
export interface RecognitionFailedEvent extends CallbackCommon {
  kind: 'recognition_failed';
  source: 'bill' | 'qr' | 'unknown';
  billId?: string;
}

export type YundouCallbackEvent = BillRecognisedEvent | QrDecodedEvent | RecognitionFailedEvent;

/** Which endpoint the upload went to, when the caller knows it (e.g. from its callback URL). */
export type YundouCallbackSource = 'bill' | 'qr';

/**
 * Reads a Yundou callback (发票信息同步 or 二维码信息同步) into a typed event: JSON bodies, and form
 * bodies whose `data` is a JSON string or PHP bracket keys.
 *
 * The Yundou callback is NOT signed, so this function verifies nothing: whoever knows the URL can
 * post here. The server must put an unguessable per-upload token in the `c-url` it gives at upload
 * and check it before trusting the event. Throws `CallbackFormatError` on a body that is not a callback.
 */
export function parseYundouCallback(
  request: YundouCallbackRequest,
  expect?: YundouCallbackSource,
): YundouCallbackEvent {
  return parseYundouCallbackPayload(decodeBody(request), expect);
}

/** The same as `parseYundouCallback`, for a body a framework has already decoded. */
export function parseYundouCallbackPayload(payload: unknown, expect?: YundouCallbackSource): YundouCallbackEvent {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new CallbackFormatError('Yundou callback body is not an object');
  }
  const raw = payload as Record<string, unknown>;
  const oid = idText(raw['x-oid'] ?? raw['x_oid'] ?? raw['oid']);
  if (oid === undefined) throw new CallbackFormatError('Yundou callback has no x-oid', JSON.stringify(raw));
  const codeText = idText(raw.code);
  if (codeText === undefined || !/^-?\d+$/.test(codeText)) {
    throw new CallbackFormatError(
      `Yundou callback has no numeric code (${JSON.stringify(raw.code)})`,
      JSON.stringify(raw),
    );
  }
  const code = Number(codeText);
  const message = typeof raw.message === 'string' ? raw.message : '';
  const data = decodeData(raw.data);
  const vendorType = typeof raw.type === 'string' ? raw.type.trim() : '';
  const billId = idText(raw.bid);
  const common = { oid, code, message, raw };

  if (code !== 0) {
    const source = expect ?? (vendorType || billId ? 'bill' : isQrData(data) ? 'qr' : 'unknown');
    return { kind: 'recognition_failed', ...common, source, ...(billId ? { billId } : {}) };
  }
  const isQr = expect ? expect === 'qr' : !vendorType && isQrData(data);
  if (isQr) return qrEvent(common, data);

  if (!vendorType) throw new CallbackFormatError('Yundou bill callback has no type', JSON.stringify(raw));
  // PHP encodes an empty array as `[]`: a bill with no field read is still a bill of that type.
  if (Array.isArray(data) && data.length > 0) {
    throw new CallbackFormatError('Yundou bill callback data is a list, not an object', JSON.stringify(raw));
  }
  const fields = data === undefined || Array.isArray(data) ? {} : data;
  const { bill, warnings } = parseBillData(vendorType, fields);
  return { kind: 'bill_recognised', ...common, ...(billId ? { billId } : {}), bill, warnings };
}

function qrEvent(common: CallbackCommon, data: Record<string, unknown> | unknown[] | undefined): QrDecodedEvent {
  const warnings: string[] = [];
  let entry: unknown = data;
  // The document types `data` as "array": accept a list of {id, content} as well as one object.
  if (Array.isArray(data)) {
    if (data.length > 1) warnings.push(`data holds ${data.length} QR codes; only the first is read`);
    entry = data[0];
  }
  const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
  if (!record || typeof record.content !== 'string') {
    throw new CallbackFormatError('Yundou QR callback has no data.content', JSON.stringify(common.raw));
  }
  const qrId = idText(record.id);
  return { kind: 'qr_decoded', ...common, ...(qrId ? { qrId } : {}), content: record.content, warnings };
}

function decodeBody(request: YundouCallbackRequest): unknown {
  const text = typeof request.rawBody === 'string' ? request.rawBody : Buffer.from(request.rawBody).toString('utf8');
  const contentType = (request.contentType ?? '').toLowerCase();
  const looksJson = /^\s*[[{]/.test(text);
  if (contentType.includes('json') || (!contentType.includes('form') && looksJson)) {
    try {
      return JSON.parse(text);
    } catch {
      throw new CallbackFormatError('Yundou callback body is not valid JSON', text.slice(0, 2000));
    }
  }
  if (contentType.includes('form') || (!contentType && text.includes('='))) return decodeFormBody(text);
  throw new CallbackFormatError(
    `Yundou callback body has an unreadable type (${contentType || 'none'})`,
    text.slice(0, 2000),
  );
}

/** `data` as an object or list; a JSON string (form bodies) is decoded; PHP's empty `[]` stays a list. */
function decodeData(value: unknown): Record<string, unknown> | unknown[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let decoded = value;
  if (typeof value === 'string') {
    try {
      decoded = JSON.parse(value);
    } catch {
      throw new CallbackFormatError('Yundou callback data is a string that is not JSON', value.slice(0, 2000));
    }
  }
  if (typeof decoded !== 'object' || decoded === null) {
    throw new CallbackFormatError(`Yundou callback data is not an object (${JSON.stringify(decoded)})`);
  }
  return decoded as Record<string, unknown> | unknown[];
}

function isQrData(data: Record<string, unknown> | unknown[] | undefined): boolean {
  const entry: unknown = Array.isArray(data) ? data[0] : data;
  return typeof entry === 'object' && entry !== null && 'content' in entry;
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}
