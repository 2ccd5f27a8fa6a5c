import { request } from '../../../shared/api/request';
import type { MerchantOrderDetailDto } from '../../../shared/api/types';

export function getMerchantOrder(id: number): Promise<MerchantOrderDetailDto> {
  return request<MerchantOrderDetailDto>({ path: `/api/merchant/orders/${id}` });
}
