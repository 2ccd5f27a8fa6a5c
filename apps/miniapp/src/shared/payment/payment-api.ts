import { request } from '../api/request';
import type { PaymentStartDto, PaymentViewDto, PriceListDto } from '../api/types';

/** What each paid service costs now (0 = free), shown before the user commits. */
export function getPrices(): Promise<PriceListDto> {
  return request<PriceListDto>({ path: '/api/prices', silent: true });
}

/** 去支付: the server prepays and signs the `requestPayment` parameters (and, in sandbox H5, the cashier URL). */
export function startPayment(orderNo: string, returnUrl?: string): Promise<PaymentStartDto> {
  return request<PaymentStartDto>({
    method: 'POST',
    path: `/api/payments/${encodeURIComponent(orderNo)}/start`,
    data: returnUrl ? { returnUrl } : {},
  });
}

/** Back from paying: the server asks WeChat Pay; paid is known only from there, never from the page. */
export function syncPayment(orderNo: string): Promise<PaymentViewDto> {
  return request<PaymentViewDto>({ method: 'POST', path: `/api/payments/${encodeURIComponent(orderNo)}/sync` });
}

/** Gives up an unpaid order (closed at WeChat Pay too, so it cannot be paid any more). */
export function cancelPayment(orderNo: string): Promise<PaymentViewDto> {
  return request<PaymentViewDto>({ method: 'POST', path: `/api/payments/${encodeURIComponent(orderNo)}/cancel` });
}
