import { request } from '../api/request';
import type { components } from '../api/schema';

export type NoticeDto = components['schemas']['NoticeDto'];
export type NoticePageDto = components['schemas']['NoticePageDto'];

/** The one message centre every service writes to (order progress, violation alerts, withdrawn images). */
export const messagesApi = {
  list: (cursor: string | null, limit = 20) =>
    request<NoticePageDto>({ path: '/api/notices', query: { cursor, limit } }),
  unread: () => request<{ unread: number }>({ path: '/api/notices/unread', silent: true }),
  read: (id: number) => request<NoticeDto>({ method: 'POST', path: `/api/notices/${id}/read`, silent: true }),
  readAll: () => request<{ unread: number }>({ method: 'POST', path: '/api/notices/read-all' }),
};
