import { useRequest } from '../../../shared/api/use-request';
import { getKindDetails, getMerchantOrder } from '../api/get-merchant-order';
import type { OrderKind } from '../../../shared/api/types';

export function useMerchantOrder(id: number | null) {
  return useRequest(id, () => getMerchantOrder(id as number));
}

/** The service's own details of the order; waits until the order (and so its kind) is known. */
export function useKindDetails(kind: OrderKind | undefined, id: number) {
  return useRequest(kind ? `${kind}:${id}` : null, () => getKindDetails(kind as OrderKind, id));
}
