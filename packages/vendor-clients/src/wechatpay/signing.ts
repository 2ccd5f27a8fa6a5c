import { createPrivateKey, createPublicKey, createSign, createVerify, KeyObject, randomInt } from 'node:crypto';
import { type Clock, SignatureVerificationError, systemClock } from '../core/index.js';
import { type KeyInput, type RequestPaymentParams, WECHATPAY_VENDOR } from './types.js';

/** The only scheme APIv3 knows: SHA256 with RSA, keys of 2048 bits. */
export const WECHATPAY_AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

/** 签名验证: an answer or notification older (or newer) than this is refused as a replay. */
export const WECHATPAY_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

const NONCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function privateKeyOf(key: KeyInput): KeyObject {
  return key instanceof KeyObject ? key : createPrivateKey(key);
}

export function publicKeyOf(key: KeyInput): KeyObject {
  if (key instanceof KeyObject) return key.type === 'private' ? createPublicKey(key) : key;
  return createPublicKey(key);
}

/** A 32-character random string (签名生成 asks for one per request, unrelated to the AES nonce). */
export function wechatpayNonce(length = 32): string {
  let nonce = '';
  for (let i = 0; i < length; i++) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return nonce;
}

export const unixSeconds = (clock: Clock = systemClock): number => Math.floor(clock.now() / 1000);

/** Lines joined and each ended by `\n`, the last one too: the shape of every APIv3 signed message. */
export const signMessage = (...lines: (string | number)[]): string => lines.map((line) => `${line}\n`).join('');

export function rsaSign(message: string, privateKey: KeyInput): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyOf(privateKey), 'base64');
}

export function rsaVerify(message: string, signature: string, publicKey: KeyInput): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKeyOf(publicKey), signature, 'base64');
  } catch {
    return false;
  }
}

export interface AuthorizationInput {
  mchid: string;
  serialNo: string;
  privateKey: KeyInput;
  method: string;
  /** Path and query exactly as sent (`/v3/…?mchid=…`), the 签名生成 "URL" line. */
  url: string;
  /** The exact body sent; `''` for a GET. */
  body: string;
  timestamp: number;
  nonce: string;
}

/** 签名生成: the `Authorization` header of one request. */
export function buildAuthorization(input: AuthorizationInput): string {
  const message = signMessage(input.method.toUpperCase(), input.url, input.timestamp, input.nonce, input.body);
  const signature = rsaSign(message, input.privateKey);
  return (
    `${WECHATPAY_AUTH_SCHEMA} mchid="${input.mchid}",nonce_str="${input.nonce}",` +
    `signature="${signature}",timestamp="${input.timestamp}",serial_no="${input.serialNo}"`
  );
}

export interface ParsedAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** Reads an `Authorization` header (what WeChat Pay, and so the simulator, checks); undefined if malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header?.startsWith(`${WECHATPAY_AUTH_SCHEMA} `)) return undefined;
  const fields: Record<string, string> = {};
  for (const match of header.slice(WECHATPAY_AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    fields[match[1]] = match[2];
  }
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return undefined;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

/** The `Wechatpay-*` headers WeChat Pay puts on an answer or a notification (signed with its key). */
export function signedWechatpayHeaders(
  body: string,
  privateKey: KeyInput,
  keyId: string,
  clock: Clock = systemClock,
): Record<string, string> {
  const timestamp = unixSeconds(clock);
  const nonce = wechatpayNonce();
  return {
    'Wechatpay-Timestamp': String(timestamp),
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': keyId,
    'Wechatpay-Signature-Type': WECHATPAY_AUTH_SCHEMA,
    'Wechatpay-Signature': rsaSign(signMessage(timestamp, nonce, body), privateKey),
  };
}

/** Anything that carries headers: a fetch `Headers`, or Node's lower-cased header record. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name.toLowerCase()] ?? record[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface SignatureCheck {
  publicKey: KeyInput;
  /** `PUB_KEY_ID_…`: an answer signed under another key id cannot be checked with our key. */
  publicKeyId: string;
  clock?: Clock;
  toleranceSeconds?: number;
}

/**
 * 签名验证 of an answer or a notification over its exact body. Throws `SignatureVerificationError`
 * when a header is missing, the key id is not ours, the timestamp is outside the window, or the
 * signature does not match.
 */
export function verifyWechatpaySignature(headers: HeaderSource, body: string, check: SignatureCheck): void {
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(headers, 'Wechatpay-Nonce');
  const signature = headerValue(headers, 'Wechatpay-Signature');
  const serial = headerValue(headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) {
    throw new SignatureVerificationError(WECHATPAY_VENDOR, 'wechatpay: Wechatpay-* signature headers are missing');
  }
  if (serial !== check.publicKeyId) {
    throw new SignatureVerificationError(
      WECHATPAY_VENDOR,
      `wechatpay: signed under key ${serial}, but the configured WeChat Pay public key is ${check.publicKeyId}`,
    );
  }
  const skew = Math.abs(unixSeconds(check.clock) - Number(timestamp));
  if (!/^\d+$/.test(timestamp) || skew > (check.toleranceSeconds ?? WECHATPAY_TIMESTAMP_TOLERANCE_SECONDS)) {
    throw new SignatureVerificationError(WECHATPAY_VENDOR, `wechatpay: Wechatpay-Timestamp ${timestamp} is too old`);
  }
  if (!rsaVerify(signMessage(timestamp, nonce, body), signature, check.publicKey)) {
    throw new SignatureVerificationError(WECHATPAY_VENDOR, 'wechatpay: Wechatpay-Signature does not match the body');
  }
}

/**
 * 小程序调起支付: the object `wx.requestPayment` takes. `paySign` is SHA256-RSA by the merchant key
 * over `appId\ntimeStamp\nnonceStr\npackage\n`; `signType` is not signed.
 */
export function buildRequestPayment(
  appid: string,
  prepayId: string,
  privateKey: KeyInput,
  clock: Clock = systemClock,
): RequestPaymentParams {
  const timeStamp = String(unixSeconds(clock));
  const nonceStr = wechatpayNonce();
  const pkg = `prepay_id=${prepayId}`;
  return {
    timeStamp,
    nonceStr,
    package: pkg,
    signType: 'RSA',
    paySign: rsaSign(signMessage(appid, timeStamp, nonceStr, pkg), privateKey),
  };
}
