import { useRequest } from '../../../shared/api/use-request';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { countMerchantOrders, listMerchantOrders } from '../api/list-merchant-orders';
import type { ConsoleOrderQuery } from '../api/types';

/** Another query is another list: the serialised query is the list's key. */
export function useMerchantOrders(query: ConsoleOrderQuery) {
  return useCursorList(JSON.stringify(query), (cursor) => listMerchantOrders(query, cursor));
}

export function useOrderCounts(query: ConsoleOrderQuery) {
  return useRequest(JSON.stringify(query), () => countMerchantOrders(query));
}
