import Taro from '@tarojs/taro';
import { startPayment, syncPayment } from './payment-api';
import type { PayOrder } from './types';

/**
 * In WeChat: `wx.requestPayment` with the parameters the server signed. Whatever the sheet answers
 * (except a cancel), the server is asked: only WeChat Pay's side says paid.
 */
export const payOrder: PayOrder = async (orderNo) => {
  const { requestPayment } = await startPayment(orderNo);
  try {
    await Taro.requestPayment({ ...requestPayment, signType: 'RSA' });
  } catch (error) {
    if (String((error as { errMsg?: string }).errMsg ?? '').includes('cancel')) return 'cancelled';
  }
  const payment = await syncPayment(orderNo);
  return payment.status === 'paying' || payment.status === 'created' ? 'unpaid' : 'paid';
};
