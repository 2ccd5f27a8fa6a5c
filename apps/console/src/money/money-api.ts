import { api } from '../api/client';
import type { PaymentPage, Price, PriceList } from '../api/types';
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
