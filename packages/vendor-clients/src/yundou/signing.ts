import { constantTimeEqual, md5Hex } from '../core/index.js';
import type { YundouApiPath } from './constants.js';

/** Header names as the document writes them ("Headers 以及 签名验证", 1.1.2). */
export const YUNDOU_HEADERS = {
  companyId: 'x-cid',
  signature: 'x-signature',
  timestamp: 't',
  /** The caller's unique id: the upload section writes `oid`, the QR section `x-oid`; we send both. */
  oid: 'x-oid',
  oidAlias: 'oid',
  callbackUrl: 'c-url',
} as const;

export interface YundouSignatureInput {
  apiKey: string;
  /** The endpoint path, e.g. `/api/bill/upload` ("API = /api/bill/upload (接口地址)"). */
  api: YundouApiPath | string;
  companyId: string;
  /** The `t` header exactly as sent: the vendor hashes the text, so seconds and ms sign differently. */
  timestamp: string;
}

/** `加密串 = (私钥-API-公司ID-时间戳)`, `x-signature = 小写(md5(加密串))`. */
export function yundouSignature(input: YundouSignatureInput): string {
  return md5Hex(`${input.apiKey}-${input.api}-${input.companyId}-${input.timestamp}`).toLowerCase();
}

/** The simulator's check, in constant time so a forged signature learns nothing from timing. */
export function verifyYundouSignature(input: YundouSignatureInput, signature: string): boolean {
  return constantTimeEqual(yundouSignature(input), signature);
}

export type YundouTimestampUnit = 'seconds' | 'milliseconds';

/**
 * The document does not say whether `t` is in seconds or milliseconds. The vendor's answers are PHP
 * (`json_encode` escapes, `data` as array), whose `time()` gives seconds, so the client sends seconds
 * by default; `milliseconds` is a client option should the vendor say otherwise.
 */
export function yundouTimestamp(nowMs: number, unit: YundouTimestampUnit = 'seconds'): string {
  return String(unit === 'seconds' ? Math.floor(nowMs / 1000) : Math.floor(nowMs));
}

/**
 * Reads a `t` header back into milliseconds, accepting either unit: a 10-digit value is seconds,
 * a 13-digit value milliseconds (the two ranges cannot overlap before the year 2286).
 */
export function parseYundouTimestamp(value: string): number | undefined {
  if (!/^\d{9,13}$/.test(value)) return undefined;
  const number = Number(value);
  return number < 1e12 ? number * 1000 : number;
}
