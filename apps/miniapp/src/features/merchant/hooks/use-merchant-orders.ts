import type { MerchantOrderQuery } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { listMerchantOrders } from '../api/list-merchant-orders';

/** Another query is another list: the serialised query is the list's key. */
export function useMerchantOrders(query: MerchantOrderQuery) {
  return useCursorList(JSON.stringify(query), (cursor) => listMerchantOrders(query, cursor));
}
