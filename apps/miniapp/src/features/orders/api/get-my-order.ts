import { request } from '../../../shared/api/request';
import type { OrderDetailDto } from '../../../shared/api/types';

export function getMyOrder(id: number): Promise<OrderDetailDto> {
  return request<OrderDetailDto>({ path: `/api/orders/${id}` });
}
