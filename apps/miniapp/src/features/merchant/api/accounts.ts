import { request } from '../../../shared/api/request';
import type { components } from '../../../shared/api/schema';
import type { AuditLogPageDto, MerchantAccountDto, MerchantAccountListDto, UpdatedMerchantAccountDto } from './types';

export function getMerchantMe(): Promise<MerchantAccountDto> {
  return request<MerchantAccountDto>({ path: '/api/merchant/me', silent: true });
}

export function listAccounts(): Promise<MerchantAccountListDto> {
  return request<MerchantAccountListDto>({ path: '/api/merchant/accounts' });
}

export function createStaffAccount(username: string, password: string): Promise<MerchantAccountDto> {
  return request<MerchantAccountDto>({ method: 'POST', path: '/api/merchant/accounts', data: { username, password } });
}

/** `token` comes back when one changed one's own password: the session goes on under it. */
export function updateAccount(
  id: number,
  patch: components['schemas']['UpdateMerchantAccountDto'],
): Promise<UpdatedMerchantAccountDto> {
  return request<UpdatedMerchantAccountDto>({
    method: 'PATCH',
    path: `/api/merchant/accounts/${id}`,
    data: patch,
  });
}

export function listAuditLog(action: string | null, cursor: string | null): Promise<AuditLogPageDto> {
  return request<AuditLogPageDto>({ path: '/api/merchant/audit-log', query: { action, cursor, limit: 20 } });
}
