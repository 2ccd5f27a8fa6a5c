import { request } from '../../../shared/api/request';
import type { components } from '../../../shared/api/schema';
import type { MerchantLoginDto } from '../../../shared/api/types';

/** The body of `POST /api/merchant/login` (the generated request DTO; the answer is `MerchantLoginDto`). */
export type MerchantCredentials = components['schemas']['MerchantLoginDto'];

export function loginMerchant(credentials: MerchantCredentials): Promise<MerchantLoginDto> {
  return request<MerchantLoginDto>({ method: 'POST', path: '/api/merchant/login', data: credentials });
}
