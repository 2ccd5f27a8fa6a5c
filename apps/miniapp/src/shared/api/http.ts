import Taro from '@tarojs/taro';
import { API_BASE_URL } from './base-url';
import type { ApiErrorBody } from './types';

/** Transport only: JSON in and out, errors as ApiError. Tokens and toasts are request.ts's business. */

export const NETWORK_ERROR_MESSAGE = '网络异常，请检查网络后重试';
const SERVER_ERROR_MESSAGE = '服务繁忙，请稍后重试';
const REQUEST_TIMEOUT_MS = 15_000;

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when no answer came back (offline, timeout, DNS). */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface HttpOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Starts with `/api/`. */
  path: string;
  query?: Record<string, QueryValue>;
  data?: unknown;
  token?: string | null;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${API_BASE_URL}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiErrorBody).message === 'string' &&
    (body as ApiErrorBody).message !== ''
  );
}

export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, String(body.code ?? 'ERROR'), body.message);
  // A proxy or a crash may answer without our error body: still say something a person understands.
  return status >= 500
    ? new ApiError(status, 'SERVER_ERROR', SERVER_ERROR_MESSAGE)
    : new ApiError(status, 'HTTP_ERROR', `请求失败（${status}）`);
}

export async function sendJson<T>({ method = 'GET', path, query, data, token }: HttpOptions): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({
      url: buildUrl(path, query),
      method,
      data: data as Taro.request.Option['data'],
      header,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  const { statusCode, data: body } = response;
  if (statusCode >= 200 && statusCode < 300) return body as T;
  throw toApiError(statusCode, body);
}
