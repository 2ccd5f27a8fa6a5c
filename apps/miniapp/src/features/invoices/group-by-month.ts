import type { InvoiceScanSummary, MonthTotals } from './api/types';

export interface MonthGroup {
  month: string;
  items: InvoiceScanSummary[];
  /** The month's totals over every scan matching the filters, not only the rows loaded so far. */
  totals: MonthTotals | null;
}

/** The list comes ordered by month, newest first: consecutive rows of one month make a group. */
export function groupByMonth(items: InvoiceScanSummary[], months: MonthTotals[] = []): MonthGroup[] {
  const totals = new Map(months.map((month) => [month.month, month]));
  const groups: MonthGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.month === item.month) last.items.push(item);
    else groups.push({ month: item.month, items: [item], totals: totals.get(item.month) ?? null });
  }
  return groups;
}
