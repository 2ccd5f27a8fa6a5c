import { api } from '../api/client';
import type { MerchantRefund, PaymentPage, Price, PriceList } from '../api/types';
import { paymentApiQuery, type PaymentFilters } from './payment-filters';

export function listPayments(filters: PaymentFilters, cursor: string | null): Promise<PaymentPage> {
  return api<PaymentPage>('/api/merchant/payments', {
    query: { ...paymentApiQuery(filters), limit: filters.size, cursor },
  });
}

export async function getPrices(): Promise<Price[]> {
  return (await api<PriceList>('/api/merchant/prices')).items;
}

/** Owner only; the server audits every change. */
export async function savePrices(items: Array<Pick<Price, 'service' | 'amountFen'>>): Promise<Price[]> {
  return (await api<PriceList>('/api/merchant/prices', { method: 'PUT', body: { items } })).items;
}

/**
 * Owner only, audited by the server; `requestId` is made once per refund dialog, so a double
 * submit (or a retry after a lost answer) refunds once.
 */
export function refundOrder(
  orderId: number,
  body: { amountFen: number; reason: string; requestId: string },
): Promise<MerchantRefund> {
  return api<MerchantRefund>(`/api/merchant/orders/${orderId}/refunds`, { method: 'POST', body });
}

/** 16 letters and digits from the browser's CSPRNG: the refund dialog's request id. */
export function newRequestId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
