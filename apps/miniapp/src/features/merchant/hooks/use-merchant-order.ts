import { useRequest } from '../../../shared/api/use-request';
import { getMerchantOrderView } from '../api/get-merchant-order';

export function useMerchantOrderView(id: number | null) {
  return useRequest(id, () => getMerchantOrderView(id as number));
}
