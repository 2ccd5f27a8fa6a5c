import { useCallback, useRef, useState } from 'react';
import { useRequest } from '../../../shared/api/use-request';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { listInvoices, listMonths } from '../api/invoices-api';
import type { InvoiceFilters, InvoiceScanSummary, InvoiceTotals } from '../api/types';

/**
 * The scans matching the filters, page by page, with the totals of all of them (from the first page) and
 * each month's totals (for the month headers). Other filters are another list.
 */
export function useInvoiceList(filters: InvoiceFilters) {
  const key = JSON.stringify(filters);
  const [totals, setTotals] = useState<InvoiceTotals | null>(null);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const fetchPage = useCallback(async (cursor: string | null) => {
    const page = await listInvoices(filtersRef.current, cursor);
    if (cursor === null) setTotals(page.totals);
    return page;
  }, []);
  const list = useCursorList<InvoiceScanSummary>(key, fetchPage);
  const monthsKey = JSON.stringify({ type: filters.type, reimbursed: filters.reimbursed });
  const months = useRequest(monthsKey, () => listMonths({ type: filters.type, reimbursed: filters.reimbursed }));

  const refresh = useCallback(async () => {
    await Promise.all([list.refresh(), months.reload()]);
  }, [list, months]);

  return { list, totals, months: months.data ?? [], refresh };
}
