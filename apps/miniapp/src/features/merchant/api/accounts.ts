import { request } from '../../../shared/api/request';
import type { AuditLogEntryDto, MerchantAccountDto, Page } from './types';

export function getMerchantMe(): Promise<MerchantAccountDto> {
  return request<MerchantAccountDto>({ path: '/api/merchant/me', silent: true });
}

export function listAccounts(): Promise<{ items: MerchantAccountDto[] }> {
  return request<{ items: MerchantAccountDto[] }>({ path: '/api/merchant/accounts' });
}

export function createStaffAccount(username: string, password: string): Promise<MerchantAccountDto> {
  return request<MerchantAccountDto>({ method: 'POST', path: '/api/merchant/accounts', data: { username, password } });
}

/** `token` comes back when one changed one's own password: the session goes on under it. */
export function updateAccount(
  id: number,
  patch: { password?: string; currentPassword?: string; disabled?: boolean },
): Promise<MerchantAccountDto & { token?: string }> {
  return request<MerchantAccountDto & { token?: string }>({
    method: 'PATCH',
    path: `/api/merchant/accounts/${id}`,
    data: patch,
  });
}

export function listAuditLog(action: string | null, cursor: string | null): Promise<Page<AuditLogEntryDto>> {
  return request<Page<AuditLogEntryDto>>({ path: '/api/merchant/audit-log', query: { action, cursor, limit: 20 } });
}
