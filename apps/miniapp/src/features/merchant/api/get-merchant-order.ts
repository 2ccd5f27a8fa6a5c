import { request } from '../../../shared/api/request';
import type { MerchantOrderViewDto, RefreshedOrderDto } from './types';

/** The order described section by section, in Chinese, by the server (the desk console reads the same). */
export function getMerchantOrderView(id: number): Promise<MerchantOrderViewDto> {
  return request<MerchantOrderViewDto>({ path: `/api/merchant/orders/${id}/view` });
}

export function refreshOrderStatus(id: number): Promise<RefreshedOrderDto> {
  return request<RefreshedOrderDto>({ method: 'POST', path: `/api/merchant/orders/${id}/refresh-status` });
}
