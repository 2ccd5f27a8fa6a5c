import { request } from '../../../shared/api/request';
import type { DashboardDto } from './types';

export function getDashboard(from: string, to: string): Promise<DashboardDto> {
  return request<DashboardDto>({ path: '/api/merchant/dashboard', query: { from, to } });
}
