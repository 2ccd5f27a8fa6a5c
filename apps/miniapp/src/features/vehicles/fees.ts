import type { ViolationDto } from './api/types';

export interface SelectionTotals {
  count: number;
  fineFen: number;
  serviceFeeFen: number;
  markFeeFen: number;
  totalFen: number;
  points: number;
}

/**
 * What the chosen violations cost, as the server's quote computes it: fines plus service fees, plus the
 * point-deduction fee when any of them carries points (a self-deduct order). The confirm page shows the
 * server's quote; this is the running total under the list.
 */
export function selectionTotals(items: ViolationDto[], selected: ReadonlySet<string>): SelectionTotals {
  const chosen = items.filter((v) => selected.has(v.code) && v.canSelect);
  const deductSelf = chosen.some((v) => v.points > 0);
  const fineFen = chosen.reduce((sum, v) => sum + v.fineFen, 0);
  const serviceFeeFen = chosen.reduce((sum, v) => sum + (v.serviceFeeFen ?? 0), 0);
  const markFeeFen = deductSelf ? chosen.reduce((sum, v) => sum + (v.markFeeFen ?? 0), 0) : 0;
  return {
    count: chosen.length,
    fineFen,
    serviceFeeFen,
    markFeeFen,
    totalFen: fineFen + serviceFeeFen + markFeeFen,
    points: chosen.reduce((sum, v) => sum + v.points, 0),
  };
}

/** A key for one payment: the same key on a retried submit means the same order, never a second one. */
export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12);
  return `vp-${Date.now().toString(36)}-${random}`;
}
