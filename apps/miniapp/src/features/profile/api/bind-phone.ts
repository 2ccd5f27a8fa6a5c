import { request } from '../../../shared/api/request';
import type { MeDto } from '../../../shared/api/types';

/** Trades the phone-number button's code for the bound (masked) phone. */
export function bindPhone(code: string): Promise<MeDto> {
  return request<MeDto>({ method: 'POST', path: '/api/me/phone', data: { code } });
}
