import { api } from '../api/client';
import type { ReconciliationMismatchPage, ReconciliationRun, ReconciliationRunPage } from '../api/types';

export function listRuns(cursor: string | null): Promise<ReconciliationRunPage> {
  return api<ReconciliationRunPage>('/api/merchant/reconciliation/runs', { query: { cursor, limit: 20 } });
}

/** One day's differences, or (no day) every day's, newest first. */
export function listMismatches(
  billDate: string | undefined,
  cursor: string | null,
): Promise<ReconciliationMismatchPage> {
  return api<ReconciliationMismatchPage>('/api/merchant/reconciliation/mismatches', {
    query: { billDate, cursor, limit: 20 },
  });
}

/** Owner only, audited by the server; the day's differences are replaced, never added to. */
export function rerunDay(billDate: string): Promise<ReconciliationRun> {
  return api<ReconciliationRun>(`/api/merchant/reconciliation/runs/${billDate}/rerun`, { method: 'POST' });
}
