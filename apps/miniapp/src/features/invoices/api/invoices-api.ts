import { request } from '../../../shared/api/request';
import type { QueryValue } from '../../../shared/api/http';
import type { InvoiceFilters, InvoiceMonthsDto, InvoicePage, InvoiceScan, MonthTotals } from './types';

export const INVOICES_PAGE_SIZE = 20;

export function filterQuery(filters: InvoiceFilters): Record<string, QueryValue> {
  return {
    type: filters.type,
    month: filters.month,
    reimbursed: filters.reimbursed === null ? undefined : String(filters.reimbursed),
  };
}

export function listInvoices(filters: InvoiceFilters, cursor: string | null): Promise<InvoicePage> {
  return request<InvoicePage>({
    path: '/api/invoices',
    query: { ...filterQuery(filters), cursor, limit: INVOICES_PAGE_SIZE },
  });
}

export async function listMonths(filters: Pick<InvoiceFilters, 'type' | 'reimbursed'>): Promise<MonthTotals[]> {
  const body = await request<InvoiceMonthsDto>({
    path: '/api/invoices/months',
    query: filterQuery({ ...filters, month: null }),
  });
  return body.months;
}

/** `silent`: a poll that fails is tried again by the next poll, without a toast each time. */
export function getInvoice(id: number, silent = false): Promise<InvoiceScan> {
  return request<InvoiceScan>({ path: `/api/invoices/${id}`, silent });
}

/** The scan behind an order of 我的订单. */
export function getInvoiceForOrder(orderId: number): Promise<InvoiceScan> {
  return request<InvoiceScan>({ path: `/api/invoices/orders/${orderId}` });
}

export function submitQrText(text: string): Promise<InvoiceScan> {
  return request<InvoiceScan>({ method: 'POST', path: '/api/invoices/qr-text', data: { text }, silent: true });
}

export function setReimbursed(id: number, reimbursed: boolean): Promise<InvoiceScan> {
  return request<InvoiceScan>({ method: reimbursed ? 'PUT' : 'DELETE', path: `/api/invoices/${id}/reimbursed` });
}

/** A failed scan again, with the photo the server kept. */
export function retryWithKeptPhoto(id: number, amountFen?: number): Promise<InvoiceScan> {
  return request<InvoiceScan>({
    method: 'POST',
    path: `/api/invoices/${id}/retry`,
    data: amountFen === undefined ? {} : { amountFen },
    silent: true,
  });
}
