import { request } from '../../../shared/api/request';
import type { CertificationDto, CertificationPageDto, IdentityAttemptDto, IdentityStatusDto } from './types';

export function getIdentityStatus(): Promise<IdentityStatusDto> {
  return request<IdentityStatusDto>({ path: '/api/identity/status' });
}

export function listCertifications(cursor: string | null): Promise<CertificationPageDto> {
  return request<CertificationPageDto>({ path: '/api/identity/certifications', query: { cursor, limit: 20 } });
}

export function getCertification(id: number): Promise<CertificationDto> {
  return request<CertificationDto>({ path: `/api/identity/certifications/${id}` });
}

/** The attempt behind an order of 我的订单. */
export function getCertificationForOrder(orderId: number): Promise<CertificationDto> {
  return request<CertificationDto>({ path: `/api/identity/orders/${orderId}` });
}

/** 提交 of a priced attempt: 待支付 at the price the user was shown; the photo comes after paying. */
export function startIdentityAttempt(fields: { name: string; idNumber: string }, amountFen: number) {
  return request<IdentityAttemptDto>({
    method: 'POST',
    path: '/api/identity/attempts',
    data: { consent: 'true', ...fields, amountFen },
  });
}

export function getIdentityAttempt(orderId: number): Promise<IdentityAttemptDto> {
  return request<IdentityAttemptDto>({ path: `/api/identity/attempts/${orderId}` });
}
