import { SignatureVerificationError } from '@banshi/vendor-clients';
import { type SimRequest, type SimResponse } from '../core/index.js';
import { DOCLOUD_ERRORS, verifySignedQuery } from '@banshi/vendor-clients/docloud';
import type { DeskContext } from './types.js';
import type { InspectionUser } from './state.js';

export type Json = Record<string, unknown>;

/** A business refusal: becomes `{success: false, errCode, message}`. */
export class SimFail extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const fail = (code: string, message?: string) =>
  new SimFail(code, message ?? DOCLOUD_ERRORS[code] ?? '系统异常');

export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  /** Base data answers bare arrays; everything else the envelope. */
  shape?: 'envelope' | 'bare';
  /** 《年检》 routes check the `app_key` header, and (`user`) the user's `token` header. */
  inspection?: 'app' | 'user';
  /** 《添加或覆盖监控车辆信息》's error example sends errCode as a string ("1032"). */
  errCodeAsString?: boolean;
}

export type RouteHandler = (request: SimRequest, user: InspectionUser | undefined) => unknown;

/**
 * Registers one vendor route with the checks every Docloud endpoint makes before its own:
 * `app_key` present (1009) and known (1004), `sign` over the sorted query and raw body (1005),
 * then, for annual inspection, the `app_key` and `token` headers (1110 empty, 1101 unknown).
 */
export function registerRoute(ctx: DeskContext, spec: RouteSpec, handler: RouteHandler): void {
  ctx.host.route(spec.method, spec.path, async (request): Promise<SimResponse> => {
    try {
      checkSignature(ctx, request);
      const user = spec.inspection ? checkInspectionHeaders(ctx, request, spec.inspection) : undefined;
      const data = await handler(request, user);
      return { json: spec.shape === 'bare' ? data : { success: true, data } };
    } catch (error) {
      if (!(error instanceof SimFail)) throw error;
      const errCode = spec.errCodeAsString ? error.code : Number(error.code);
      return { json: { success: false, errCode, message: error.message } };
    }
  });
}

function checkSignature(ctx: DeskContext, request: SimRequest): void {
  const appKey = request.query.get('app_key');
  if (!appKey) throw fail('1009');
  if (appKey !== ctx.appKey) throw fail('1004');
  if (!request.query.get('timestamp')) throw fail('1001', '请求参数错误：timestamp不能为空');
  try {
    verifySignedQuery(request.rawQuery, request.text(), ctx.appKey, ctx.appSecret);
  } catch (error) {
    if (error instanceof SignatureVerificationError) throw fail('1005');
    throw error;
  }
}

function checkInspectionHeaders(
  ctx: DeskContext,
  request: SimRequest,
  kind: 'app' | 'user',
): InspectionUser | undefined {
  const appKey = header(request, 'app_key');
  if (!appKey) throw fail('1009');
  if (appKey !== ctx.appKey) throw fail('1004');
  if (kind === 'app') return undefined;
  const token = header(request, 'token');
  if (!token) throw fail('1110');
  const user = ctx.state.inspectionUsers.get(token);
  if (!user) throw fail('1101');
  return user;
}

function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

export function jsonBody(request: SimRequest): Json {
  const body = request.json<unknown>();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw fail('1001', '请求参数错误：请求体须为JSON对象');
  }
  return body as Json;
}

export function jsonList(request: SimRequest): Json[] {
  const body = request.json<unknown>();
  if (!Array.isArray(body) || body.some((item) => item === null || typeof item !== 'object')) {
    throw fail('1001', '请求参数错误：请求体须为JSON数组');
  }
  return body as Json[];
}

/** A positive integer query parameter, or 1001. */
export function intParam(request: SimRequest, name: string): number {
  const value = request.query.get(name);
  if (value === null || !/^\d+$/.test(value.trim())) throw fail('1001', `请求参数错误：${name}不能为空`);
  return Number(value);
}
