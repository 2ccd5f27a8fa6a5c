import { yuanToFen } from '@banshi/vendor-clients';
import { type SimRequest } from '../../core/index.js';
import { docloudFields } from '@banshi/vendor-clients/docloud';
import type { SimContext } from '../context.js';
import type { SimViolation } from '../data/violation-gen.js';
import { detailViolation, priceOf, yuanNumber } from '../render.js';
import { fail, intParam, jsonBody, registerRoute, SimFail, type Json } from '../route-kit.js';
import type { SimOrder, ViolationToken } from '../state.js';
import { tokenRecord } from '../tokens.js';
import { required } from '../validation.js';

const { optText } = docloudFields;

export function registerOrderRoutes(ctx: SimContext): void {
  registerRoute(ctx, { method: 'POST', path: '/violation/create/order' }, (request) =>
    createOrder(ctx, jsonBody(request), false),
  );
  registerRoute(ctx, { method: 'POST', path: '/violation/deduct/self/create/order' }, (request) =>
    createOrder(ctx, jsonBody(request), true),
  );

  // 《查询订单状态》, in the form of its example: orderStatus as a string, process_status.
  registerRoute(ctx, { method: 'GET', path: '/violation/order/status' }, (request) => {
    const order = ownOrder(ctx, request);
    return {
      orderId: order.orderId,
      orderStatus: String(order.status),
      modifyTime: order.modifyTime,
      violations: ctx.orders.violationsOf(order).map((v) => ({ code: v.code, process_status: v.processStatus })),
    };
  });

  registerRoute(ctx, { method: 'GET', path: '/violation/order/detail' }, (request) => {
    const order = ownOrder(ctx, request);
    return {
      orderId: order.orderId,
      orderStatus: String(order.status),
      orderCreateTime: order.createTime,
      ...(order.payTime ? { orderPayTime: order.payTime } : {}),
      ...(order.closeTime ? { orderCloseTime: order.closeTime } : {}),
      orderPrice: yuanNumber(order.priceFen),
      ...(ctx.paymentMode === 'online' ? { payUrl: ctx.orders.payUrl(order) } : {}),
      plateNumber: order.plateNumber,
      ...(order.status === 4 && order.cancelReason ? { cancelReason: order.cancelReason } : {}),
      violations: ctx.orders.violationsOf(order).map(detailViolation),
    };
  });

  // The online pay page the user's browser opens: not a signed API call.
  ctx.host.route('GET', '/violation/pay', (request) => {
    const order = ctx.state.orders.get(Number(request.query.get('orderId')));
    if (!order || request.query.get('key') !== order.payKey) return page(404, '订单不存在');
    try {
      ctx.orders.pay(order.orderId);
      return page(200, `支付成功：订单 ${order.orderId}，金额 ¥${yuanNumber(order.priceFen).toFixed(2)}`);
    } catch (error) {
      if (error instanceof SimFail) return page(409, error.message);
      throw error;
    }
  });
}

function page(status: number, message: string) {
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>懂云支付</title><body><p>${message}</p></body></html>`;
  return { status, text: html, contentType: 'text/html; charset=utf-8' };
}

function ownOrder(ctx: SimContext, request: SimRequest): SimOrder {
  const token = tokenRecord(ctx, request.query.get('token'));
  const order = ctx.orders.find(intParam(request, 'orderId'));
  if (order.plateNumber !== token.plateNumber) throw fail('1102');
  return order;
}

/**
 * 《创建代缴订单》 and its self-deduct twin. Checks in the order a vendor would: who (token), the
 * idempotency key (1117), what (codes: 1106, 1107, 1104, 1108, 1103), then the money (1105).
 */
function createOrder(ctx: SimContext, body: Json, deductSelf: boolean): { orderId: number } {
  const token = tokenRecord(ctx, body.token);
  const outOrderNo = required(body, 'outOrderNo', 'outOrderNo');
  if (ctx.state.outOrderNos.has(outOrderNo)) throw fail('1117');
  const codes = Array.isArray(body.violationCodes)
    ? [...new Set(body.violationCodes.map((code) => optText(code)?.trim()).filter((code) => !!code) as string[])]
    : [];
  if (codes.length === 0) throw fail('1001', '请求参数错误：violationCodes不能为空');
  const totalFen = yuanToFen(optText(body.totalPrice));
  if (totalFen === undefined) throw fail('1001', '请求参数错误：totalPrice格式错误');
  if (deductSelf) checkDriver(token, required(body, 'driveNum', '驾驶证号'), required(body, 'fileNum', '档案编号'));

  const list = ctx.state.violationsOf(token.plateNumber);
  // Nothing left to handle at all (a violation already in an order still gets the sharper 1104).
  if (!list.some((v) => v.processStatus === 1 || v.processStatus === 2)) throw fail('1106');
  const chosen = codes.map((code) =>
    checkOrderable(
      list.find((v) => v.code === code),
      deductSelf,
    ),
  );
  if (deductSelf && chosen.some((v) => v.point > 0) && !token.travelLicenseUploaded) {
    throw fail('1001', '请求参数错误：办理扣分违章须先上传行驶证');
  }
  if (priceOf(chosen, deductSelf) !== totalFen) throw fail('1105');
  return { orderId: ctx.orders.create(token, chosen, outOrderNo, deductSelf).orderId };
}

function checkDriver(token: ViolationToken, driveNum: string, fileNum: string): void {
  const checked = token.deductSelf;
  if (!checked || checked.driveNum !== driveNum || checked.fileNum !== fileNum) {
    throw fail('1001', '请求参数错误：请先通过自扣分下单校验');
  }
}

function checkOrderable(v: SimViolation | undefined, deductSelf: boolean): SimViolation {
  if (!v) throw fail('1107');
  if (v.processStatus === 2) throw fail('1104');
  if (v.processStatus === 3) throw fail('1108');
  if (v.processStatus === 4 || !v.place.agency) throw fail('1103');
  if (v.point > 0 && !deductSelf) throw fail('1107', '违章信息校验失败：扣分违章须自扣分下单');
  return v;
}
