import { emptyCounts, MISMATCH_WORDS } from './mismatch-kinds.js';
import type { ReconciliationMismatch } from './reconciliation-mismatch.entity.js';
import type { ReconciliationRun, RunStatus } from './reconciliation-run.entity.js';
import type { ReconciliationMismatchDto, ReconciliationRunDto } from './reconciliation.dto.js';

export const RUN_STATUS_WORDS: Record<RunStatus, string> = {
  running: '对账中',
  balanced: '已平',
  unbalanced: '有差异',
  failed: '失败',
};

export function runView(run: ReconciliationRun): ReconciliationRunDto {
  return {
    billDate: run.billDate,
    status: run.status,
    statusLabel: RUN_STATUS_WORDS[run.status],
    attempts: run.attempts,
    error: run.error,
    billLines: run.billLines,
    matched: run.matched,
    mismatches: run.mismatches,
    counts: { ...emptyCounts(), ...run.counts },
    wechatPaidFen: run.wechatPaidFen,
    wechatRefundFen: run.wechatRefundFen,
    wechatFeeFen: run.wechatFeeFen,
    ourPaidFen: run.ourPaidFen,
    ourRefundFen: run.ourRefundFen,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function mismatchView(row: ReconciliationMismatch): ReconciliationMismatchDto {
  const words = MISMATCH_WORDS[row.kind];
  return {
    id: row.id,
    billDate: row.billDate,
    kind: row.kind,
    kindLabel: words.label,
    detail: row.detail,
    advice: words.advice,
    outTradeNo: row.outTradeNo,
    outRefundNo: row.outRefundNo,
    transactionId: row.transactionId,
    orderId: row.orderId,
    wechatFen: row.wechatFen,
    ourFen: row.ourFen,
    wechatStatus: row.wechatStatus,
    ourStatus: row.ourStatus,
    createdAt: row.createdAt.toISOString(),
  };
}
