import type { ZjzCallbackStatus } from './types.js';

/*
 * The sending side of 《订单状态通知》: the simulator sends callbacks with it and the tests sign their
 * own, so both encode a callback exactly as the verifier in callback.ts expects it.
 */

/** The fields of 《订单状态通知》, in the document's order, as the vendor sends them. */
export interface ZjzCallbackFields {
  status: ZjzCallbackStatus;
  order_no: string;
  sign: string;
  image_receipt?: string;
  image?: string;
  image_print?: string;
  reject_msg?: string;
  logistics_info?: { express_name: string; express_no: string };
}

/**
 * Form-urlencoded by default, with `logistics_info` as the JSON text the document shows; the JSON
 * format sends numbers and the object as such.
 */
export function encodeCallback(
  fields: ZjzCallbackFields,
  format: 'form' | 'json',
): { body: string; contentType: string } {
  if (format === 'json') return { body: JSON.stringify(fields), contentType: 'application/json; charset=utf-8' };
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    form.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}
