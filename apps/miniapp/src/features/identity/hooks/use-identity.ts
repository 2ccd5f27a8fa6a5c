import { useRequest } from '../../../shared/api/use-request';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { getCertification, getIdentityStatus, listCertifications } from '../api/identity-api';

export function useIdentityStatus() {
  return useRequest('identity-status', getIdentityStatus);
}

export function useCertificationHistory() {
  return useCursorList('identity-history', listCertifications);
}

export function useCertification(id: number | null) {
  return useRequest(id, () => getCertification(id as number));
}
