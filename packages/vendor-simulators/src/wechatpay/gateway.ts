import type { KeyObject } from 'node:crypto';
import type { Clock } from '@banshi/vendor-clients';
import type { SimHandler, SimRequest, SimResponse } from '../core/index.js';
import {
  wechatpayErrorBody,
  type WechatPayErrorCode,
  parseAuthorization,
  rsaVerify,
  signedWechatpayHeaders,
  signMessage,
  unixSeconds,
  WECHATPAY_TIMESTAMP_TOLERANCE_SECONDS,
} from '@banshi/vendor-clients/wechatpay';

/** What the simulated WeChat Pay knows about its one merchant, and its own key. */
export interface WechatPaySimConfig {
  mchid: string;
  /** AppIDs bound to the merchant number; another one is APPID_MCHID_NOT_MATCH. */
  appids: ReadonlySet<string>;
  merchantPublicKey: KeyObject;
  merchantSerialNo: string;
  apiV3Key: string;
  platformPrivateKey: KeyObject;
  platformPublicKeyId: string;
  clock: Clock;
}

/** An answer signed with the platform key over its exact body, as every APIv3 answer is. */
export function signedAnswer(config: WechatPaySimConfig, status: number, json?: unknown): SimResponse {
  const text = json === undefined ? '' : JSON.stringify(json);
  return {
    status,
    text,
    contentType: 'application/json; charset=utf-8',
    headers: {
      'Request-ID': `sim-${Date.now().toString(36)}`,
      ...signedWechatpayHeaders(text, config.platformPrivateKey, config.platformPublicKeyId, config.clock),
    },
  };
}

export function errorAnswer(
  config: WechatPaySimConfig,
  code: WechatPayErrorCode,
  message?: string,
  detail?: unknown,
): SimResponse {
  const { status, json } = wechatpayErrorBody(code, message, detail);
  // A request whose signature failed gets an unsigned answer: WeChat Pay signs only for a known caller.
  if (code === 'SIGN_ERROR') return { status, json };
  return signedAnswer(config, status, json);
}

/**
 * 签名验证 on WeChat Pay's side: the `Authorization` header must name our merchant and its
 * certificate serial, carry a timestamp within five minutes, and sign
 * `METHOD\nURL\ntimestamp\nnonce\nbody\n` with the merchant key. Answers the error, or undefined.
 */
export function authenticate(config: WechatPaySimConfig, request: SimRequest): SimResponse | undefined {
  const header = request.headers.authorization;
  const auth = parseAuthorization(Array.isArray(header) ? header[0] : header);
  if (!auth) return errorAnswer(config, 'SIGN_ERROR', 'Authorization 头缺失或格式错误');
  if (auth.mchid !== config.mchid) return errorAnswer(config, 'SIGN_ERROR', `商户号 ${auth.mchid} 不存在或未开通APIv3`);
  if (auth.serial_no !== config.merchantSerialNo) {
    return errorAnswer(config, 'SIGN_ERROR', '商户证书序列号有误', { field: 'serial_no', location: 'authorization' });
  }
  const skew = Math.abs(unixSeconds(config.clock) - Number(auth.timestamp));
  if (!/^\d+$/.test(auth.timestamp) || skew > WECHATPAY_TIMESTAMP_TOLERANCE_SECONDS) {
    return errorAnswer(config, 'SIGN_ERROR', '请求时间戳已过期', { field: 'timestamp', location: 'authorization' });
  }
  const url = `${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''}`;
  const message = signMessage(request.method, url, auth.timestamp, auth.nonce_str, request.text());
  if (!rsaVerify(message, auth.signature, config.merchantPublicKey)) {
    return errorAnswer(config, 'SIGN_ERROR', '签名错误，请检查后再试', {
      field: 'signature',
      location: 'authorization',
      sign_information: { method: request.method, url, sign_message_length: message.length },
    });
  }
  return undefined;
}

/** Wraps a handler so that it runs only for a correctly signed request of our merchant. */
export function signedRoute(config: WechatPaySimConfig, handler: SimHandler): SimHandler {
  return (request) => authenticate(config, request) ?? handler(request);
}

/** A JSON body as an object, or undefined (PARAM_ERROR for the caller). */
export function jsonBody(request: SimRequest): Record<string, unknown> | undefined {
  const body = request.json<unknown>();
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}
