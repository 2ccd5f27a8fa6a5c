import { ApiError, request } from '../../../shared/api/request';
import type { OrderKind } from '../../../shared/api/types';
import type { ConsoleOrderDetailDto, RefreshedOrderDto } from './types';

export function getMerchantOrder(id: number): Promise<ConsoleOrderDetailDto> {
  return request<ConsoleOrderDetailDto>({ path: `/api/merchant/orders/${id}` });
}

export function refreshOrderStatus(id: number): Promise<RefreshedOrderDto> {
  return request<RefreshedOrderDto>({ method: 'POST', path: `/api/merchant/orders/${id}/refresh-status` });
}

/** Each service's merchant route for its own details of an order; identity has none (its timeline says enough). */
const KIND_DETAIL_PATHS: Partial<Record<OrderKind, (orderId: number) => string>> = {
  id_photo: (orderId) => `/api/merchant/id-photo/orders/${orderId}`,
  invoice_scan: (orderId) => `/api/merchant/invoices/orders/${orderId}`,
  violation_payment: (orderId) => `/api/merchant/vehicles/orders/${orderId}`,
  inspection: (orderId) => `/api/merchant/inspection/orders/${orderId}`,
};

export function hasKindDetails(kind: OrderKind): boolean {
  return KIND_DETAIL_PATHS[kind] !== undefined;
}

/**
 * The kind-specific details of an order, or null when the kind has none or its service has not
 * shipped its merchant route yet (404): the page still shows everything else.
 */
export async function getKindDetails(kind: OrderKind, orderId: number): Promise<Record<string, unknown> | null> {
  const path = KIND_DETAIL_PATHS[kind];
  if (!path) return null;
  try {
    return await request<Record<string, unknown>>({ path: path(orderId), silent: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
