import { constantTimeEqual } from '@banshi/vendor-clients';
import { findZjzSpec, type ZjzReceiptParam, type ZjzReceiptSpec } from '@banshi/vendor-clients/zjz';
import type { SimHandler, SimulatorHost } from '../core/index.js';
import { ZJZ_SIM_CODES, ZjzSimError } from './codes.js';
import type { ZjzLifecycle } from './lifecycle.js';
import type { ZjzSimState } from './state.js';

/** What the route groups share. */
export interface ZjzRouteContext {
  host: SimulatorHost;
  apiKey: string;
  specs: readonly ZjzReceiptSpec[];
  state: ZjzSimState;
  lifecycle: ZjzLifecycle;
  picTtlMs: number;
}

export type Answer = { data: unknown; code: 0; msg: string };

/**
 * Every route checks `key` first and answers HTTP 200 with `{data, code, msg}`; a refusal is a
 * non-zero code with a reason.
 */
export function vendorRoute(context: ZjzRouteContext, work: (form: URLSearchParams) => Promise<Answer>): SimHandler {
  return async (request) => {
    try {
      const form = request.form();
      checkKey(context, form);
      return { json: await work(form) };
    } catch (error) {
      if (error instanceof ZjzSimError) return { json: { data: {}, code: error.code, msg: error.message } };
      throw error;
    }
  };
}

function checkKey(context: ZjzRouteContext, form: URLSearchParams): void {
  const key = form.get('key');
  if (!key) throw new ZjzSimError(ZJZ_SIM_CODES.INVALID_KEY, '缺少参数key');
  if (!constantTimeEqual(key, context.apiKey))
    throw new ZjzSimError(ZJZ_SIM_CODES.INVALID_KEY, 'key错误，请检查应用的key');
}

export function required(form: URLSearchParams, name: string): string {
  const value = form.get(name)?.trim();
  if (!value) throw new ZjzSimError(ZJZ_SIM_CODES.MISSING_PARAMETER, `缺少参数${name}`);
  return value;
}

/** The spec named by `item_id`, among the simulator's. */
export function specOf(context: ZjzRouteContext, form: URLSearchParams): ZjzReceiptSpec {
  const itemId = required(form, 'item_id');
  const spec = /^\d+$/.test(itemId) ? findZjzSpec(Number(itemId), context.specs) : undefined;
  if (!spec) throw new ZjzSimError(ZJZ_SIM_CODES.UNKNOWN_ITEM, `规格不存在（item_id=${itemId}），请查看回执规格列表`);
  return spec;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A form field that must hold a JSON object (`param`, `print_param`); absent or blank is undefined. */
export function readJsonObject(
  value: string | null,
  name: string,
  code: typeof ZJZ_SIM_CODES.PARAM_INVALID | typeof ZJZ_SIM_CODES.PRINT_PARAM_INVALID,
): Record<string, unknown> | undefined {
  if (value === null || value.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ZjzSimError(code, `${name}参数格式错误，应为JSON对象`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ZjzSimError(code, `${name}参数格式错误，应为JSON对象`);
  }
  return parsed as Record<string, unknown>;
}

/** 是否打印邮寄: 1 = yes, 0 or absent = no; a resubmission without it keeps the order's choice. */
export function readIsPrint(value: string | null, previous: boolean): boolean {
  if (value === null || value.trim() === '') return previous;
  if (value.trim() === '1') return true;
  if (value.trim() === '0') return false;
  throw new ZjzSimError(ZJZ_SIM_CODES.PRINT_PARAM_INVALID, 'is_print参数错误，应为1或0');
}

/** The values as the vendor keeps them: strings trimmed, numbers as text, anything else dropped. */
export function stringValues(record: Record<string, unknown>): ZjzReceiptParam {
  const out: ZjzReceiptParam = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') out[key] = value.trim();
    else if (typeof value === 'number') out[key] = String(value);
  }
  return out;
}
