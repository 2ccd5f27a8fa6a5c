import {
  HttpTransport,
  parseJsonBody,
  systemClock,
  type Clock,
  type TransportResponse,
  type VendorClientOptions,
} from '../core/index.js';
import { DOCLOUD_VENDOR, DocloudApiError, docloudApiError } from './errors.js';
import { ShapeError } from './parse.js';
import { buildSignedQuery, type QueryParams } from './signing.js';

export const DOCLOUD_BASE_URL = 'https://openapi.docloud.vip';

export interface DocloudClientOptions extends VendorClientOptions {
  appKey: string;
  appSecret: string;
  /** Source of the `timestamp` parameter; tests inject a fixed one. */
  clock?: Clock;
}

export interface DocloudCall {
  method: 'GET' | 'POST';
  path: string;
  params?: QueryParams;
  /** Serialised once; the signature covers exactly the text that is sent. */
  body?: unknown;
  /** See `TransportRequest.idempotent`: only reads and outOrderNo-keyed writes are retried. */
  idempotent: boolean;
  /** 《年检接入指南》: annual-inspection calls also carry `app_key` and the user's `token` as headers. */
  inspection?: { token?: string };
  /** Base-data answers are bare JSON arrays; everything else is the `{success, data}` envelope. */
  shape?: 'envelope' | 'bare';
}

/**
 * Signing, transport and envelope parsing shared by every Docloud call. The client is split by the
 * document's areas (violations, counts and monitoring, annual inspection) into a chain of classes
 * so each file stays readable, while callers see one flat client with one credential.
 */
export class DocloudClientBase {
  protected readonly transport: HttpTransport;
  protected readonly clock: Clock;

  constructor(protected readonly options: DocloudClientOptions) {
    this.transport = new HttpTransport(DOCLOUD_VENDOR, options);
    this.clock = options.clock ?? systemClock;
  }

  protected async call<T>(call: DocloudCall, map: (data: unknown) => T): Promise<T> {
    const { appKey, appSecret } = this.options;
    const body = call.method === 'POST' ? JSON.stringify(call.body ?? {}) : '';
    const headers: Record<string, string> = {
      'Content-Type': 'application/json;charset=utf-8',
      Accept: 'application/json',
    };
    if (call.inspection) {
      headers.app_key = appKey;
      if (call.inspection.token !== undefined) headers.token = call.inspection.token;
    }
    const response = await this.transport.send({
      method: call.method,
      path: call.path,
      query: buildSignedQuery(call.params ?? {}, appKey, appSecret, body, this.clock),
      headers,
      body: call.method === 'POST' ? body : undefined,
      idempotent: call.idempotent,
    });
    const data = unwrap(response, call.shape ?? 'envelope');
    try {
      return map(data);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw new DocloudApiError(`docloud ${call.path} answered in an unexpected shape: ${error.message}`, {
        code: 'INVALID_RESPONSE',
        httpStatus: response.status,
        rawBody: response.text.slice(0, 2000),
      });
    }
  }
}

function unwrap(response: TransportResponse, shape: 'envelope' | 'bare'): unknown {
  const json = parseDocloudJson(response);
  const extra = { httpStatus: response.status, rawBody: response.text.slice(0, 2000) };
  if (shape === 'bare' && Array.isArray(json)) return json;
  const envelope =
    json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  if (envelope.success === true && response.status < 400) {
    if (shape === 'bare' && !Array.isArray(envelope.data)) throw invalid('a list', extra);
    return envelope.data;
  }
  if (envelope.success === false || envelope.errCode !== undefined) {
    throw docloudApiError(envelope.errCode, envelope.message, extra);
  }
  if (response.status >= 400) {
    throw new DocloudApiError(`docloud answered HTTP ${response.status}`, {
      code: `HTTP_${response.status}`,
      ...extra,
    });
  }
  throw invalid(shape === 'bare' ? 'a list' : 'the {success, data} envelope', extra);
}

function invalid(expected: string, extra: { httpStatus?: number; rawBody?: string }): DocloudApiError {
  return new DocloudApiError(`docloud answered without ${expected}`, { code: 'INVALID_RESPONSE', ...extra });
}

/**
 * 《查询订单状态》's example wraps its data in two braces (`"data": { { … } }`), which is not JSON.
 * If the vendor ever answers like its document, unwrap the extra pair rather than fail the call.
 */
export function parseDocloudJson(response: TransportResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch {
    const repaired = response.text.replace(/("data"\s*:\s*)\{\s*(\{[\s\S]*\})\s*\}(\s*\}\s*)$/, '$1$2$3');
    if (repaired !== response.text) {
      try {
        return JSON.parse(repaired);
      } catch {
        // fall through to the shared error
      }
    }
    return parseJsonBody(DOCLOUD_VENDOR, response);
  }
}
