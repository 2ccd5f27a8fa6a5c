import { request } from '../../../shared/api/request';
import type { MerchantLoginDto } from '../../../shared/api/types';

export interface MerchantCredentials {
  username: string;
  password: string;
}

export function loginMerchant(credentials: MerchantCredentials): Promise<MerchantLoginDto> {
  return request<MerchantLoginDto>({ method: 'POST', path: '/api/merchant/login', data: credentials });
}
