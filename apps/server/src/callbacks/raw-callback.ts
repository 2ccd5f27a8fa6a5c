import type { Request } from 'express';
import type { RawCallback } from './vendor-event.entity.js';

// WeChat Pay signs its notifications in these headers: kept so that a stored one can be verified again.
const WECHATPAY_HEADERS = ['wechatpay-signature', 'wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-serial'];
const KEPT_HEADERS = ['content-type', 'user-agent', 'x-forwarded-for', 'x-oid', 'oid', ...WECHATPAY_HEADERS];

/**
 * The request exactly as the vendor sent it. Callback routes get their body unparsed (a raw body
 * parser is mounted on /api/callbacks), because signatures cover the bytes as sent.
 */
export function rawCallbackFrom(request: Request, params: Record<string, string> = {}): RawCallback {
  const url = request.originalUrl ?? request.url;
  const queryStart = url.indexOf('?');
  const body = Buffer.isBuffer(request.body)
    ? request.body.toString('utf8')
    : typeof request.body === 'string'
      ? request.body
      : '';
  return {
    method: request.method,
    path: queryStart >= 0 ? url.slice(0, queryStart) : url,
    params,
    query: queryStart >= 0 ? url.slice(queryStart + 1) : '',
    headers: Object.fromEntries(
      KEPT_HEADERS.filter((name) => request.headers[name]).map((name) => [name, String(request.headers[name])]),
    ),
    body,
  };
}
