import { SignatureVerificationError, tryParseJson } from '../core/index.js';
import { CallbackFormatError } from './errors.js';
import { isValidZjzSign } from './signing.js';
import { ZJZ_VENDOR, type ZjzLogisticsInfo } from './types.js';
import { quoteLongNumbers, ZJZ_ID_KEYS } from './wire.js';

interface ZjzCallbackCommon {
  orderNo: string;
  /** Every field as received except `sign`, for the event log. */
  fields: Record<string, unknown>;
}

/** A verified 《订单状态通知》, by `status`. */
export type ZjzCallbackEvent =
  | (ZjzCallbackCommon & { status: 2; kind: 'reviewing' })
  | (ZjzCallbackCommon & {
      status: 3;
      kind: 'done';
      /** 回执照地址. */
      imageReceipt: string;
      /** 证件照地址: only when the vendor adjusted the photo. */
      image?: string;
      /** 排版照地址: only for specs with a print layout (广东驾驶证, 港澳通行证). */
      imagePrint?: string;
    })
  | (ZjzCallbackCommon & { status: 4; kind: 'shipped'; logisticsInfo: ZjzLogisticsInfo })
  | (ZjzCallbackCommon & { status: -1; kind: 'rejected'; rejectMsg?: string })
  | (ZjzCallbackCommon & { status: -2; kind: 'cancelled' });

export interface ZjzCallbackInput {
  /** The body exactly as received. */
  rawBody: string | Buffer;
  /** The request's content type; the body is sniffed when it is missing. */
  contentType?: string;
}

/**
 * The merchant's answer once the notification is stored (《商家响应返回示例》): the vendor keeps
 * calling back until it gets JSON with `code` 0.
 */
export const ZJZ_CALLBACK_ACK = { data: {}, code: 0, msg: '同步完成' } as const;

/** An answer that makes the vendor try again later, for when the notification could not be stored. */
export function zjzCallbackFailure(msg = '同步失败，请稍后重试'): {
  data: Record<string, never>;
  code: 1;
  msg: string;
} {
  return { data: {}, code: 1, msg };
}

/** The default failure answer: any non-zero `code` makes the vendor retry. */
export const ZJZ_CALLBACK_FAILURE = zjzCallbackFailure();

/** The vendor's rule for an acknowledgement: a 2xx answer whose body is JSON with `code === 0`. */
export function isZjzAcknowledgement(httpStatus: number, text: string): boolean {
  if (httpStatus < 200 || httpStatus >= 300) return false;
  const body = tryParseJson(text);
  return typeof body === 'object' && body !== null && (body as { code?: unknown }).code === 0;
}

/**
 * Verifies and reads a zjz status notification ("以post方式" to `notice_url`), form-urlencoded or JSON.
 * Throws `SignatureVerificationError` when `sign` is missing or is not md5(apikey), and
 * `CallbackFormatError` when the body cannot be read or carries an unknown status.
 */
export function verifyZjzCallback(input: ZjzCallbackInput, apiKey: string): ZjzCallbackEvent {
  const fields = readFields(input);
  if (!isValidZjzSign(fields.sign, apiKey)) {
    throw new SignatureVerificationError(
      ZJZ_VENDOR,
      fields.sign === undefined ? 'zjz callback has no sign' : 'zjz callback sign does not match',
    );
  }
  const { sign: _sign, ...rest } = fields;
  const orderNo = scalar(fields.order_no);
  if (!orderNo || !/^[0-9A-Za-z_-]{1,64}$/.test(orderNo)) {
    throw new CallbackFormatError(`zjz callback has no valid order_no: ${String(fields.order_no)}`);
  }
  const common = { orderNo, fields: rest };
  const status = scalar(fields.status);
  switch (status) {
    case '2':
      return { ...common, status: 2, kind: 'reviewing' };
    case '3':
      return {
        ...common,
        status: 3,
        kind: 'done',
        imageReceipt: url(fields.image_receipt, 'image_receipt', true) as string,
        image: url(fields.image, 'image', false),
        imagePrint: url(fields.image_print, 'image_print', false),
      };
    case '4':
      return { ...common, status: 4, kind: 'shipped', logisticsInfo: logistics(fields.logistics_info) };
    case '-1':
      return { ...common, status: -1, kind: 'rejected', rejectMsg: scalar(fields.reject_msg) || undefined };
    case '-2':
      return { ...common, status: -2, kind: 'cancelled' };
    default:
      throw new CallbackFormatError(`zjz callback has an unknown status: ${String(fields.status)}`);
  }
}

function readFields(input: ZjzCallbackInput): Record<string, unknown> {
  const text = (typeof input.rawBody === 'string' ? input.rawBody : input.rawBody.toString('utf8')).trim();
  if (text === '') throw new CallbackFormatError('zjz callback body is empty');
  const json = /json/i.test(input.contentType ?? '') || text.startsWith('{');
  if (json) {
    const parsed = tryParseJson(quoteLongNumbers(text, ZJZ_ID_KEYS));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new CallbackFormatError('zjz callback body is not a JSON object');
    }
    return parsed as Record<string, unknown>;
  }
  return readForm(text);
}

/** Form fields, with PHP-style nesting (`logistics_info[express_no]=…`) folded into objects. */
function readForm(text: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const nested = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
    if (nested) {
      const holder = fields[nested[1]];
      const target = holder && typeof holder === 'object' ? (holder as Record<string, unknown>) : {};
      target[nested[2]] = value;
      fields[nested[1]] = target;
    } else {
      // PHP keeps the last of repeated fields, and so does the vendor's reading of them.
      fields[key] = value;
    }
  }
  if (Object.keys(fields).length === 0) throw new CallbackFormatError('zjz callback body has no fields');
  return fields;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function url(value: unknown, name: string, required: boolean): string | undefined {
  const text = scalar(value);
  if (!text) {
    if (required) throw new CallbackFormatError(`zjz callback status 3 has no ${name}`);
    return undefined;
  }
  if (!/^https?:\/\/\S+$/i.test(text)) throw new CallbackFormatError(`zjz callback ${name} is not a URL`);
  return text;
}

/** `logistics_info` arrives as an object, as JSON text, or (the document calls it an array) a list of one. */
function logistics(value: unknown): ZjzLogisticsInfo {
  let info: unknown = value;
  if (typeof info === 'string') info = tryParseJson(quoteLongNumbers(info, ZJZ_ID_KEYS));
  if (Array.isArray(info)) info = info[0];
  if (!info || typeof info !== 'object') {
    throw new CallbackFormatError('zjz callback status 4 has no readable logistics_info');
  }
  const record = info as Record<string, unknown>;
  const expressName = scalar(record.express_name);
  const expressNo = scalar(record.express_no);
  if (!expressName || !expressNo) {
    throw new CallbackFormatError('zjz callback logistics_info lacks express_name or express_no');
  }
  return { expressName, expressNo };
}
