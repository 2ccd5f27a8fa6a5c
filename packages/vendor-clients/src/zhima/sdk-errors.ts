import { AlipayRequestError } from 'alipay-sdk';
import {
  SignatureVerificationError,
  VendorApiError,
  VendorConnectionError,
  VendorError,
  VendorTimeoutError,
} from '../core/index.js';

export const ZHIMA_VENDOR = 'zhima';

/*
 * What alipay-sdk 4.14 `exec()` throws, read from its dist/esm/alipay.js; the specs pin each case
 * against the real sdk, so an upgrade that changes them fails a test instead of mis-mapping:
 * - no answer: AlipayRequestError "HttpClient Request error: …" with the urllib error as `cause`
 *   (HttpClientRequestTimeoutError / HttpClientConnectTimeoutError, or undici's ECONNREFUSED …);
 * - status other than 200: AlipayRequestError "HTTP 请求错误, status: 503", `responseDataRaw` = body,
 *   and no status field, so the status is read from the message;
 * - body not JSON: "Response 格式错误"; no `<method>_response` key: "Response 格式错误，返回值 … 找不到";
 * - signature that does not verify: "验签失败，服务端返回的 sign: …" (no `code`);
 * - answer without any `sign` (the gateway does that for an unknown app_id): a TypeError
 *   ERR_INVALID_ARG_TYPE from node:crypto's verify, not an AlipayRequestError.
 */
const HTTP_STATUS = /^HTTP 请求错误, status: (\d{3})/;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  responseDataRaw?: unknown;
}

const asErrorLike = (value: unknown): ErrorLike => (typeof value === 'object' && value !== null ? value : {});

function isAlipayRequestError(error: unknown): boolean {
  return error instanceof AlipayRequestError || asErrorLike(error).name === 'AlipayRequestError';
}

function causes(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let current = asErrorLike(error).cause; current && chain.length < 8; current = asErrorLike(current).cause) {
    chain.push(asErrorLike(current));
  }
  return chain;
}

const TIMEOUT_NAMES = new Set([
  'HttpClientRequestTimeoutError',
  'HttpClientConnectTimeoutError',
  'HeadersTimeoutError',
  'BodyTimeoutError',
  'ConnectTimeoutError',
  'TimeoutError',
]);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

function isTimeout(chain: ErrorLike[]): boolean {
  return chain.some((e) => TIMEOUT_NAMES.has(String(e.name)) || TIMEOUT_CODES.has(String(e.code)));
}

function networkDetail(chain: ErrorLike[]): string {
  const coded = chain.find((e) => typeof e.code === 'string');
  return String(coded?.code ?? chain[0]?.message ?? 'unknown network error');
}

function rawBodyOf(error: unknown): string | undefined {
  const raw = asErrorLike(error).responseDataRaw;
  return typeof raw === 'string' ? raw.slice(0, 2000) : undefined;
}

/** Turns whatever `AlipaySdk.exec` threw into Banshi's vendor error hierarchy. */
export function mapSdkError(error: unknown, timeoutMs: number): VendorError {
  if (error instanceof VendorError) return error;
  const e = asErrorLike(error);
  const message = typeof e.message === 'string' ? e.message : String(error);

  if (!isAlipayRequestError(error)) {
    if (e.code === 'ERR_INVALID_ARG_TYPE' && message.includes('"signature"')) {
      return new SignatureVerificationError(
        ZHIMA_VENDOR,
        '支付宝网关的应答没有签名，无法确认来自支付宝（常见原因：app_id 无效或应用未上线）',
        { cause: error },
      );
    }
    return new VendorError(ZHIMA_VENDOR, `zhima: unexpected sdk failure: ${message}`, { cause: error });
  }

  const status = HTTP_STATUS.exec(message);
  if (status) {
    const httpStatus = Number(status[1]);
    return new VendorApiError(
      ZHIMA_VENDOR,
      `支付宝网关返回 HTTP ${httpStatus}`,
      { code: `HTTP_${httpStatus}`, httpStatus, rawBody: rawBodyOf(error) },
      { cause: error },
    );
  }
  if (message.startsWith('验签失败')) {
    return new SignatureVerificationError(ZHIMA_VENDOR, '支付宝网关应答的签名验证失败，应答已丢弃', { cause: error });
  }
  if (message.startsWith('Response 格式错误')) {
    return new VendorApiError(
      ZHIMA_VENDOR,
      '支付宝网关的应答格式无法识别',
      { code: 'INVALID_RESPONSE', httpStatus: 200, rawBody: rawBodyOf(error) },
      { cause: error },
    );
  }
  const chain = causes(error);
  if (chain.length > 0) {
    if (isTimeout(chain)) {
      return new VendorTimeoutError(ZHIMA_VENDOR, `zhima gateway did not answer within ${timeoutMs} ms`, {
        cause: error,
      });
    }
    return new VendorConnectionError(ZHIMA_VENDOR, `zhima gateway could not be reached: ${networkDetail(chain)}`, {
      cause: error,
    });
  }
  return new VendorError(ZHIMA_VENDOR, `zhima: ${message}`, { cause: error });
}
