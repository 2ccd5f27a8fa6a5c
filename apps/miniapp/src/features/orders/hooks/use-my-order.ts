import { useRequest } from '../../../shared/api/use-request';
import { getMyOrder } from '../api/get-my-order';

/** `id` is null until the route parameter is read (or when it is not a number). */
export function useMyOrder(id: number | null) {
  return useRequest(id, () => getMyOrder(id as number));
}
