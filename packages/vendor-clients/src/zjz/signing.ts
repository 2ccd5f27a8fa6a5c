import { constantTimeEqual, md5Hex } from '../core/index.js';

/**
 * The callback `sign` of 《订单状态通知》: md5 of the application's apikey, lowercase hex. It is the same
 * for every callback, so it proves only that the sender knows the key; the notice_url token does the rest.
 */
export function zjzCallbackSign(apiKey: string): string {
  return md5Hex(apiKey);
}

/** Whether `sign` is the md5 of `apiKey`, compared in constant time; tolerates uppercase hex. */
export function isValidZjzSign(sign: unknown, apiKey: string): boolean {
  if (typeof sign !== 'string' || sign.trim() === '') return false;
  return constantTimeEqual(sign.trim().toLowerCase(), zjzCallbackSign(apiKey));
}
