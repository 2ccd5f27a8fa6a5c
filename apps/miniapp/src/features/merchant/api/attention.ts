import { request } from '../../../shared/api/request';
import type { OrderKind } from '../../../shared/api/types';
import type { AttentionCallbackPageDto, AttentionSummaryDto, ReplayResultDto, StuckOrderPageDto } from './types';

export function getAttentionSummary(): Promise<AttentionSummaryDto> {
  return request<AttentionSummaryDto>({ path: '/api/merchant/attention/summary', silent: true });
}

export function listAttentionCallbacks(
  status: 'failed' | 'rejected' | null,
  cursor: string | null,
): Promise<AttentionCallbackPageDto> {
  return request<AttentionCallbackPageDto>({
    path: '/api/merchant/attention/callbacks',
    query: { status, cursor, limit: 20 },
  });
}

export function listStuckOrders(kind: OrderKind | null, cursor: string | null): Promise<StuckOrderPageDto> {
  return request<StuckOrderPageDto>({
    path: '/api/merchant/attention/stuck-orders',
    query: { kind, cursor, limit: 20 },
  });
}

export function replayCallback(id: number): Promise<ReplayResultDto> {
  return request<ReplayResultDto>({ method: 'POST', path: `/api/merchant/callbacks/${id}/replay` });
}
