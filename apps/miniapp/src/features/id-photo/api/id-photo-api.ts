import { request } from '../../../shared/api/request';
import { postForm } from './send';
import type { CreateOrderInput, IdPhotoOrderDto, PhotoSessionDto, ResubmitInput, SpecListDto } from './types';

const BASE = '/api/id-photo';

export function listSpecs(): Promise<SpecListDto> {
  return request<SpecListDto>({ path: `${BASE}/specs` });
}

export function getPhoto(id: number): Promise<PhotoSessionDto> {
  return request<PhotoSessionDto>({ path: `${BASE}/photos/${id}` });
}

/** Makes the photo again from the kept upload (its pic_id expired): no new upload needed. */
export function remakePhoto(id: number): Promise<PhotoSessionDto> {
  return request<PhotoSessionDto>({ method: 'POST', path: `${BASE}/photos/${id}/remake` });
}

/** Rejects with a FieldsError: the form shows its field messages inline and handles an expired photo. */
export function createOrder(input: CreateOrderInput): Promise<IdPhotoOrderDto> {
  return postForm<IdPhotoOrderDto>(`${BASE}/orders`, input);
}

export function getOrder(id: number): Promise<IdPhotoOrderDto> {
  return request<IdPhotoOrderDto>({ path: `${BASE}/orders/${id}` });
}

export function resubmitOrder(id: number, input: ResubmitInput): Promise<IdPhotoOrderDto> {
  return postForm<IdPhotoOrderDto>(`${BASE}/orders/${id}/resubmit`, input);
}

export function cancelOrder(id: number): Promise<IdPhotoOrderDto> {
  return request<IdPhotoOrderDto>({ method: 'POST', path: `${BASE}/orders/${id}/cancel` });
}
