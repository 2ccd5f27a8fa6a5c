import { session } from '../api/session';

/** A non-2xx answer: the server's Chinese message, its code and the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

let onUnauthorized: () => void = () => undefined;

/** The app sends the merchant back to the login page when a token expires. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = session.token();
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查网络后重试');
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string | string[] };
  const message = Array.isArray(body.message) ? body.message.join('；') : body.message;
  if (response.status === 401 && token) {
    session.clear();
    onUnauthorized();
  }
  throw new ApiError(response.status, body.code ?? 'HTTP_ERROR', message || `请求失败（${response.status}）`);
}

export async function api<T>(
  path: string,
  options: { method?: string; query?: Query; body?: unknown } = {},
): Promise<T> {
  const response = await apiFetch(withQuery(path, options.query), {
    method: options.method ?? 'GET',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return (await response.json()) as T;
}
