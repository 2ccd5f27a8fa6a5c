import type { SimulatorHost } from '../core/index.js';
import { WECHATPAY_PATHS } from '@banshi/vendor-clients/wechatpay';
import type { WechatPayBills } from './bills.js';
import { CASHIER_PATH, CASHIER_SUBMIT_PATH, type WechatPayCashier } from './cashier.js';
import { errorAnswer, jsonBody, signedRoute, type WechatPaySimConfig } from './gateway.js';
import type { WechatPayPayments } from './payments.js';
import type { WechatPayRefunds } from './refunds.js';

export interface WechatPayDesks {
  config: WechatPaySimConfig;
  payments: WechatPayPayments;
  refunds: WechatPayRefunds;
  bills: WechatPayBills;
  cashier?: WechatPayCashier;
}

const tail = (path: string, prefix: string) => {
  try {
    return decodeURIComponent(path.slice(prefix.length));
  } catch {
    return '';
  }
};

/** The APIv3 endpoints a directly connected merchant's mini-program payment uses, and the cashier. */
export function registerWechatPayRoutes(host: SimulatorHost, desks: WechatPayDesks): void {
  const { config, payments, refunds, bills } = desks;
  const signed = (handler: Parameters<typeof signedRoute>[1]) => signedRoute(config, handler);
  const byOutTradeNo = WECHATPAY_PATHS.byOutTradeNo;

  host.route(
    'POST',
    WECHATPAY_PATHS.jsapi,
    signed((request) => payments.prepay(jsonBody(request))),
  );
  host.routePrefix(
    'GET',
    byOutTradeNo,
    signed((request) => payments.query(tail(request.path, byOutTradeNo), request.query.get('mchid'))),
  );
  host.routePrefix(
    'POST',
    byOutTradeNo,
    signed((request) => {
      const rest = tail(request.path, byOutTradeNo);
      if (!rest.endsWith('/close')) return errorAnswer(config, 'INVALID_REQUEST', `不支持的接口 ${request.path}`);
      return payments.close(rest.slice(0, -'/close'.length), jsonBody(request));
    }),
  );
  host.route(
    'POST',
    WECHATPAY_PATHS.refunds,
    signed((request) => refunds.create(jsonBody(request))),
  );
  host.routePrefix(
    'GET',
    `${WECHATPAY_PATHS.refunds}/`,
    signed((request) => refunds.query(tail(request.path, `${WECHATPAY_PATHS.refunds}/`))),
  );
  host.route(
    'GET',
    WECHATPAY_PATHS.tradeBill,
    signed((request) => bills.apply(request.query)),
  );
  host.route(
    'GET',
    WECHATPAY_PATHS.billDownload,
    signed((request) => bills.download(request.query)),
  );
  if (desks.cashier) {
    const cashier = desks.cashier;
    host.route('GET', CASHIER_PATH, (request) => cashier.show(request));
    host.route('POST', CASHIER_SUBMIT_PATH, (request) => cashier.submit(request));
  }
}
