import { useRequest } from '../../../shared/api/use-request';
import { getMe } from '../api/get-me';

export function useMe() {
  return useRequest('me', getMe);
}
