import { YUNDOU_SIM_MESSAGES as M } from './messages.js';
import { phpJson } from '@banshi/vendor-clients/yundou';
import type { VendorBillResult } from './vendor-data.js';

/**
 * 发票信息同步 for one bill of an upload: what recognition read (its `type` and `data`), or, with no
 * result, a failure in the vendor's words. `bid` is the vendor's id of the bill.
 */
export function billCallbackBody(
  oid: string,
  billId: number,
  result: VendorBillResult | undefined,
  failure: string = M.unreadable,
): Record<string, unknown> {
  return result
    ? { code: 0, 'x-oid': oid, bid: billId, message: M.recognised, type: result.type, data: result.data }
    : { code: 1, 'x-oid': oid, bid: billId, message: failure, type: '', data: [] };
}

/** 二维码信息同步 for a QR upload: the decoded text, or, with none, a failure in the vendor's words. */
export function qrCallbackBody(
  oid: string,
  uploadId: number,
  content: string | undefined,
  failure: string = M.unreadable,
): Record<string, unknown> {
  return content === undefined
    ? { 'x-oid': oid, code: 1, message: failure, data: [] }
    : { 'x-oid': oid, code: 0, message: M.recognised, data: { id: uploadId, content } };
}

/** A callback body as the vendor posts it: PHP's JSON, or a form whose nested values are PHP JSON text. */
export function encodeYundouCallback(
  body: Record<string, unknown>,
  format: 'json' | 'form',
): { body: string; contentType: string } {
  if (format === 'json') return { body: phpJson(body), contentType: 'application/json' };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) form.set(key, typeof value === 'object' ? phpJson(value) : String(value));
  }
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}
