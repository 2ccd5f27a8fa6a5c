import { checkPrintParam, checkReceiptParam, type ZjzPrintParam } from '@banshi/vendor-clients/zjz';
import { ZJZ_SIM_CODES, ZjzSimError } from '../codes.js';
import {
  isHttpUrl,
  readIsPrint,
  readJsonObject,
  required,
  stringValues,
  vendorRoute,
  type Answer,
  type ZjzRouteContext,
} from '../route-kit.js';
import { ZJZ_SIM_PENDING, type ZjzSimState } from '../state.js';
import type { SimOrder, SimPic } from '../types.js';

/** What a submission sets on an order, new or resubmitted. */
type Submission = Pick<SimOrder, 'pic' | 'spec' | 'param' | 'isPrint' | 'printParam' | 'noticeUrl'>;

/** 提交订单 (new, or again after a rejection) and 取消订单. */
export function registerOrderRoutes(context: ZjzRouteContext): void {
  const { host, state, lifecycle } = context;
  host.route(
    'POST',
    '/receipt/submit',
    vendorRoute(context, (form) => submit(context, form)),
  );
  host.route(
    'POST',
    '/receipt/cancel',
    vendorRoute(context, async (form) => {
      const orderNo = required(form, 'order_no');
      const order = state.orders.get(orderNo);
      if (!order) throw new ZjzSimError(ZJZ_SIM_CODES.ORDER_UNKNOWN, `订单不存在（order_no=${orderNo}）`);
      await lifecycle.cancel(order);
      return { data: {}, code: 0, msg: '取消成功' };
    }),
  );
}

async function submit(context: ZjzRouteContext, form: URLSearchParams): Promise<Answer> {
  const { state, lifecycle } = context;
  const existing = resubmittedOrder(state, form);
  const pic = usablePic(context, form, existing);
  const noticeUrl = required(form, 'notice_url');
  if (!isHttpUrl(noticeUrl)) throw new ZjzSimError(ZJZ_SIM_CODES.NOTICE_URL_INVALID, 'notice_url回调地址无效');
  const changes: Submission = { pic, spec: pic.spec, ...readParams(state, form, pic, existing), noticeUrl };

  if (existing) {
    await lifecycle.resubmit(existing, () => Object.assign(existing, changes));
    return { data: { order_no: existing.orderNo }, code: 0, msg: '提交成功' };
  }
  const order = newOrder(state, changes);
  state.orders.set(order.orderNo, order);
  state.stats.submitted++;
  lifecycle.begin(order);
  return { data: { order_no: order.orderNo }, code: 0, msg: '提交成功' };
}

/** The order a resubmission names by `order_no`; undefined for a new order. */
function resubmittedOrder(state: ZjzSimState, form: URLSearchParams): SimOrder | undefined {
  const orderNo = form.get('order_no')?.trim();
  const existing = orderNo ? state.orders.get(orderNo) : undefined;
  if (orderNo && !existing) throw new ZjzSimError(ZJZ_SIM_CODES.ORDER_UNKNOWN, `订单不存在（order_no=${orderNo}）`);
  // Checked again when the change is applied, in order with the lifecycle; this answers early.
  if (existing && existing.status !== -1) {
    throw new ZjzSimError(ZJZ_SIM_CODES.ORDER_NOT_RESUBMITTABLE, '订单未被审核驳回，无法再次提交');
  }
  return existing;
}

/** The photo named by `pic_id`: made here, not expired, and of the resubmitted order's spec. */
function usablePic(context: ZjzRouteContext, form: URLSearchParams, existing: SimOrder | undefined): SimPic {
  const { state } = context;
  const pic = state.pics.get(required(form, 'pic_id'));
  if (!pic) throw new ZjzSimError(ZJZ_SIM_CODES.PIC_ID_UNKNOWN, 'pic_id不存在，请先调用制作接口');
  if (state.clock.now() - pic.createdAt >= context.picTtlMs) {
    throw new ZjzSimError(ZJZ_SIM_CODES.PIC_ID_EXPIRED, 'pic_id已过期（有效期50分钟），请重新制作证件照');
  }
  if (existing && existing.spec.itemId !== pic.spec.itemId) {
    throw new ZjzSimError(ZJZ_SIM_CODES.PIC_ID_SPEC_MISMATCH, '新照片的规格与原订单不一致');
  }
  return pic;
}

/** `param`, `is_print` and `print_param`, checked as the vendor does; a resubmission keeps what it omits. */
function readParams(
  state: ZjzSimState,
  form: URLSearchParams,
  pic: SimPic,
  existing: SimOrder | undefined,
): Pick<Submission, 'param' | 'isPrint' | 'printParam'> {
  const today = new Date(state.clock.now());
  const param = readJsonObject(form.get('param'), 'param', ZJZ_SIM_CODES.PARAM_INVALID) ?? {};
  const paramProblems = checkReceiptParam(pic.spec, param, today);
  if (paramProblems.length > 0) {
    const reasons = paramProblems.map((problem) => problem.message).join('；');
    throw new ZjzSimError(ZJZ_SIM_CODES.PARAM_INVALID, `param参数错误：${reasons}`);
  }
  const isPrint = readIsPrint(form.get('is_print'), existing?.isPrint ?? false);
  const printParam = isPrint ? readPrintParam(form, existing, today) : undefined;
  return {
    param: stringValues(param),
    isPrint,
    printParam: printParam && (stringValues(printParam) as unknown as ZjzPrintParam),
  };
}

function readPrintParam(form: URLSearchParams, existing: SimOrder | undefined, today: Date): Record<string, unknown> {
  let printParam = readJsonObject(form.get('print_param'), 'print_param', ZJZ_SIM_CODES.PRINT_PARAM_INVALID);
  printParam ??= existing?.printParam ? { ...existing.printParam } : undefined;
  if (!printParam) {
    throw new ZjzSimError(ZJZ_SIM_CODES.PRINT_PARAM_INVALID, '选择打印邮寄（is_print=1）时print_param必填');
  }
  const printProblems = checkPrintParam(printParam, today);
  if (printProblems.length > 0) {
    const reasons = printProblems.map((problem) => problem.message).join('；');
    throw new ZjzSimError(ZJZ_SIM_CODES.PRINT_PARAM_INVALID, `print_param参数错误：${reasons}`);
  }
  return printParam;
}

function newOrder(state: ZjzSimState, changes: Submission): SimOrder {
  return {
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
}
