import { useRequest } from '../../../shared/api/use-request';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { getCertification, getCertificationForOrder, getIdentityStatus, listCertifications } from '../api/identity-api';

export function useIdentityStatus() {
  return useRequest('identity-status', getIdentityStatus);
}

export function useCertificationHistory() {
  return useCursorList('identity-history', listCertifications);
}

/** One attempt, by its own id (the history) or by its order's (我的订单). */
export function useCertification(ref: { id: number } | { orderId: number } | null) {
  const key = ref === null ? null : 'id' in ref ? `id:${ref.id}` : `order:${ref.orderId}`;
  return useRequest(key, () =>
    ref !== null && 'orderId' in ref
      ? getCertificationForOrder(ref.orderId)
      : getCertification((ref as { id: number }).id),
  );
}
