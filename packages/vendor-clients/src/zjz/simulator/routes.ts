import { constantTimeEqual, type SimHandler, type SimulatorHost } from '../../core/index.js';
import { fileSizeMessage, findZjzSpec, type ZjzReceiptSpec } from '../catalogue.js';
import { checkPrintParam, checkReceiptParam } from '../param-check.js';
import type { ZjzPrintParam, ZjzReceiptParam, ZjzWireItem, ZjzWireItemDetail } from '../types.js';
import { formatColorList } from '../wire.js';
import { ZJZ_SIM_CODES, ZjzSimError } from './codes.js';
import type { ZjzLifecycle } from './lifecycle.js';
import { inspectUpload, makeSpecPhotos } from './photo.js';
import { type SimOrder, ZJZ_SIM_PENDING, type ZjzSimState } from './state.js';

export interface ZjzRouteContext {
  apiKey: string;
  specs: readonly ZjzReceiptSpec[];
  state: ZjzSimState;
  lifecycle: ZjzLifecycle;
  picTtlMs: number;
}

type Answer = { data: unknown; code: 0; msg: string };

/** Every route answers HTTP 200 with `{data, code, msg}`; a refusal is a non-zero code with a reason. */
function vendorRoute(work: (form: URLSearchParams) => Promise<Answer>): SimHandler {
  return async (request) => {
    try {
      return { json: await work(request.form()) };
    } catch (error) {
      if (error instanceof ZjzSimError) return { json: { data: {}, code: error.code, msg: error.message } };
      throw error;
    }
  };
}

export function toWireItem(spec: ZjzReceiptSpec): ZjzWireItem {
  return {
    item_id: String(spec.itemId),
    name: spec.name,
    width_px: String(spec.widthPx),
    height_px: String(spec.heightPx),
    width_mm: String(spec.widthMm),
    height_mm: String(spec.heightMm),
    dpi: String(spec.dpi),
    file_size_msg: fileSizeMessage(spec),
    color: formatColorList(spec.colors),
  };
}

export function toWireItemDetail(spec: ZjzReceiptSpec): ZjzWireItemDetail {
  return {
    ...toWireItem(spec),
    file_size_min: String(spec.fileSizeKb?.min ?? 0),
    file_size_max: String(spec.fileSizeKb?.max ?? 0),
    category: spec.category,
    category_id: String(spec.categoryId),
  };
}

export function registerZjzRoutes(host: SimulatorHost, context: ZjzRouteContext): void {
  const { state, lifecycle } = context;

  const checkKey = (form: URLSearchParams) => {
    const key = form.get('key');
    if (!key) throw new ZjzSimError(ZJZ_SIM_CODES.INVALID_KEY, '缺少参数key');
    if (!constantTimeEqual(key, context.apiKey))
      throw new ZjzSimError(ZJZ_SIM_CODES.INVALID_KEY, 'key错误，请检查应用的key');
  };
  const required = (form: URLSearchParams, name: string): string => {
    const value = form.get(name)?.trim();
    if (!value) throw new ZjzSimError(ZJZ_SIM_CODES.MISSING_PARAMETER, `缺少参数${name}`);
    return value;
  };
  const specOf = (form: URLSearchParams): ZjzReceiptSpec => {
    const itemId = required(form, 'item_id');
    const spec = /^\d+$/.test(itemId) ? findZjzSpec(Number(itemId), context.specs) : undefined;
    if (!spec) throw new ZjzSimError(ZJZ_SIM_CODES.UNKNOWN_ITEM, `规格不存在（item_id=${itemId}），请查看回执规格列表`);
    return spec;
  };

  host.route(
    'POST',
    '/item/list',
    vendorRoute(async (form) => {
      checkKey(form);
      return { data: { list: context.specs.map(toWireItem) }, code: 0, msg: 'success' };
    }),
  );

  host.route(
    'POST',
    '/item/get',
    vendorRoute(async (form) => {
      checkKey(form);
      return { data: toWireItemDetail(specOf(form)), code: 0, msg: 'success' };
    }),
  );

  host.route(
    'POST',
    '/receipt/make',
    vendorRoute(async (form) => {
      checkKey(form);
      const spec = specOf(form);
      const upload = await inspectUpload(required(form, 'image'));
      const { byColor } = await makeSpecPhotos(upload, spec);
      const urls: Record<string, string> = {};
      for (const [color, jpeg] of byColor) urls[color] = host.publishFile(jpeg, 'image/jpeg', 'jpg');
      const picId = state.newPicId();
      const primary = byColor.get(spec.colors[0]) as Buffer;
      state.pics.set(picId, { picId, spec, createdAt: state.clock.now(), urls, primary });
      state.stats.picsMade++;
      return { data: { pic_id: picId, list: urls }, code: 0, msg: 'success' };
    }),
  );

  host.route(
    'POST',
    '/receipt/submit',
    vendorRoute(async (form) => {
      checkKey(form);
      const orderNo = form.get('order_no')?.trim();
      const existing = orderNo ? state.orders.get(orderNo) : undefined;
      if (orderNo && !existing) throw new ZjzSimError(ZJZ_SIM_CODES.ORDER_UNKNOWN, `订单不存在（order_no=${orderNo}）`);
      // Checked again when the change is applied, in order with the lifecycle; this answers early.
      if (existing && existing.status !== -1) {
        throw new ZjzSimError(ZJZ_SIM_CODES.ORDER_NOT_RESUBMITTABLE, '订单未被审核驳回，无法再次提交');
      }

      const picId = required(form, 'pic_id');
      const pic = state.pics.get(picId);
      if (!pic) throw new ZjzSimError(ZJZ_SIM_CODES.PIC_ID_UNKNOWN, 'pic_id不存在，请先调用制作接口');
      if (state.clock.now() - pic.createdAt >= context.picTtlMs) {
        throw new ZjzSimError(ZJZ_SIM_CODES.PIC_ID_EXPIRED, 'pic_id已过期（有效期50分钟），请重新制作证件照');
      }
      if (existing && existing.spec.itemId !== pic.spec.itemId) {
        throw new ZjzSimError(ZJZ_SIM_CODES.PIC_ID_SPEC_MISMATCH, '新照片的规格与原订单不一致');
      }
      const noticeUrl = required(form, 'notice_url');
      if (!isHttpUrl(noticeUrl)) throw new ZjzSimError(ZJZ_SIM_CODES.NOTICE_URL_INVALID, 'notice_url回调地址无效');

      const today = new Date(state.clock.now());
      const param = readJsonObject(form.get('param'), 'param', ZJZ_SIM_CODES.PARAM_INVALID) ?? {};
      const paramProblems = checkReceiptParam(pic.spec, param, today);
      if (paramProblems.length > 0) {
        const reasons = paramProblems.map((problem) => problem.message).join('；');
        throw new ZjzSimError(ZJZ_SIM_CODES.PARAM_INVALID, `param参数错误：${reasons}`);
      }
      const isPrint = readIsPrint(form.get('is_print'), existing?.isPrint ?? false);
      let printParam: Record<string, unknown> | undefined;
      if (isPrint) {
        printParam = readJsonObject(form.get('print_param'), 'print_param', ZJZ_SIM_CODES.PRINT_PARAM_INVALID);
        printParam ??= existing?.printParam ? { ...existing.printParam } : undefined;
        if (!printParam) {
          throw new ZjzSimError(ZJZ_SIM_CODES.PRINT_PARAM_INVALID, '选择打印邮寄（is_print=1）时print_param必填');
        }
        const printProblems = checkPrintParam(printParam, today);
        if (printProblems.length > 0) {
          const reasons = printProblems.map((problem) => problem.message).join('；');
          throw new ZjzSimError(ZJZ_SIM_CODES.PRINT_PARAM_INVALID, `print_param参数错误：${reasons}`);
        }
      }
      const changes = {
        pic,
        spec: pic.spec,
        param: stringValues(param),
        isPrint,
        printParam: isPrint ? (stringValues(printParam ?? {}) as unknown as ZjzPrintParam) : undefined,
        noticeUrl,
      };

      if (existing) {
        await lifecycle.resubmit(existing, () => Object.assign(existing, changes));
        return { data: { order_no: existing.orderNo }, code: 0, msg: '提交成功' };
      }
      const order: SimOrder = {
        ...changes,
        orderNo: state.newOrderNo(),
        status: ZJZ_SIM_PENDING,
        history: [{ status: ZJZ_SIM_PENDING, at: state.clock.now() }],
        submissions: 1,
        manual: false,
        outOfOrder: false,
        adjustPhoto: false,
        timers: new Set(),
        queue: Promise.resolve(),
        callbackChain: Promise.resolve(),
        deferred: [],
      };
      state.orders.set(order.orderNo, order);
      state.stats.submitted++;
      lifecycle.begin(order);
      return { data: { order_no: order.orderNo }, code: 0, msg: '提交成功' };
    }),
  );

  host.route(
    'POST',
    '/receipt/cancel',
    vendorRoute(async (form) => {
      checkKey(form);
      const orderNo = required(form, 'order_no');
      const order = state.orders.get(orderNo);
      if (!order) throw new ZjzSimError(ZJZ_SIM_CODES.ORDER_UNKNOWN, `订单不存在（order_no=${orderNo}）`);
      await lifecycle.cancel(order);
      return { data: {}, code: 0, msg: '取消成功' };
    }),
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function readJsonObject(
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
function readIsPrint(value: string | null, previous: boolean): boolean {
  if (value === null || value.trim() === '') return previous;
  if (value.trim() === '1') return true;
  if (value.trim() === '0') return false;
  throw new ZjzSimError(ZJZ_SIM_CODES.PRINT_PARAM_INVALID, 'is_print参数错误，应为1或0');
}

function stringValues(record: Record<string, unknown>): ZjzReceiptParam {
  const out: ZjzReceiptParam = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') out[key] = value.trim();
    else if (typeof value === 'number') out[key] = String(value);
  }
  return out;
}
