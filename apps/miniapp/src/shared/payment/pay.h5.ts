import { ApiError } from '../api/http';
import { startPayment } from './payment-api';
import type { PayOrder } from './types';

/** This page's address without an earlier attempt's result, for the cashier to come back to. */
function returnUrl(): string {
  return window.location.href.replace(/([?&])wechatpay_result=[^&#]*&?/, '$1').replace(/[?&]$/, '');
}

/**
 * In a browser there is no `wx.requestPayment`: the sandbox's cashier page stands in for it (as the
 * sandbox login stands in for `wx.login`). It sends the browser back here with `wechatpay_result`.
 */
export const payOrder: PayOrder = async (orderNo) => {
  const { cashierUrl } = await startPayment(orderNo, returnUrl());
  if (!cashierUrl) throw new ApiError(0, 'PAYMENT_UNAVAILABLE', '请在微信中打开小程序完成支付');
  window.location.href = cashierUrl;
  return 'redirected';
};
