import { request } from '../../../shared/api/request';
import type { MeDto } from '../../../shared/api/types';

export function getMe(): Promise<MeDto> {
  return request<MeDto>({ path: '/api/me' });
}
