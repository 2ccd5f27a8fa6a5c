import { useRequest } from '../../../shared/api/use-request';
import { getMerchantOrder } from '../api/get-merchant-order';

export function useMerchantOrder(id: number | null) {
  return useRequest(id, () => getMerchantOrder(id as number));
}
