import { api, apiFetch, withQuery } from '../api/client';
import type { OrderCounts, OrderPage, OrderView, RefreshedOrder, ReplayResult } from '../api/types';
import { toApiQuery, type OrderFilters } from './filters';

export function listOrders(filters: OrderFilters, cursor: string | null): Promise<OrderPage> {
  return api<OrderPage>('/api/merchant/orders', {
    query: { ...toApiQuery(filters), limit: filters.size, cursor },
  });
}

export function countOrders(filters: OrderFilters): Promise<OrderCounts> {
  return api<OrderCounts>('/api/merchant/orders/counts', { query: toApiQuery(filters) });
}

export function getOrderView(id: number): Promise<OrderView> {
  return api<OrderView>(`/api/merchant/orders/${id}/view`);
}

export function refreshOrderStatus(id: number): Promise<RefreshedOrder> {
  return api<RefreshedOrder>(`/api/merchant/orders/${id}/refresh-status`, { method: 'POST' });
}

export function replayCallback(id: number): Promise<ReplayResult> {
  return api<ReplayResult>(`/api/merchant/callbacks/${id}/replay`, { method: 'POST' });
}

/**
 * Downloads the export (CSV or XLSX, masked and audited by the server) of the selected orders, or
 * of every order matching the filters when nothing is selected.
 */
export async function exportOrders(filters: OrderFilters, format: 'csv' | 'xlsx', ids: number[]): Promise<void> {
  const query = { ...toApiQuery(filters), format, ids: ids.length > 0 ? ids.join(',') : undefined };
  const response = await apiFetch(withQuery('/api/merchant/orders/export', query));
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `orders.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
