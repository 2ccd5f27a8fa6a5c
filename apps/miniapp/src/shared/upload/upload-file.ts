import Taro from '@tarojs/taro';
import { ApiError, buildUrl, NETWORK_ERROR_MESSAGE, toApiError } from '../api/http';
import { ensureUserToken, signIn } from '../auth/session';
import { tokenStore } from '../auth/token-store';

/** A phone's original photo (several MB) over a slow mobile network, then the server's own work on it. */
const DEFAULT_TIMEOUT_MS = 90_000;
/** nginx answers an oversized body with its own HTML page, which carries no message of ours. */
const TOO_LARGE_MESSAGE = '照片太大，请换一张较小的照片后重试';

export interface UploadFileOptions {
  /** Starts with `/api/`. */
  path: string;
  /** `tempFilePath` from chooseMedia: a local path in WeChat, a blob URL in H5. */
  filePath: string;
  /** The multipart field the server reads the file from. */
  name: string;
  formData?: Record<string, string>;
  timeoutMs?: number;
  /** Upload progress, 0–100. */
  onProgress?: (percent: number) => void;
}

/**
 * Turns a failed answer (or none at all, status 0) into the feature's error: the default is the ApiError
 * itself; a feature that shows per-field messages wraps it with what the parsed body says.
 */
export type UploadErrorMapper = (error: ApiError, body: unknown) => Error;

export function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** Runs `send` with the user's token, and once more with a fresh login if the token was refused. */
export async function withUserToken<R extends { statusCode: number }>(send: (token: string) => Promise<R>): Promise<R> {
  const token = await ensureUserToken();
  const response = await send(token);
  if (response.statusCode !== 401) return response;
  // Another request may already have logged in again: only a token that is still the refused one goes.
  if (tokenStore.getUser() === token) tokenStore.clearUser();
  return send(tokenStore.getUser() ?? (await signIn()));
}

/** The answer's error in Chinese: the server's own message when it sent one, else one per status. */
export function uploadError(status: number, body: unknown): ApiError {
  const error = toApiError(status, body);
  if (status === 413 && error.code === 'HTTP_ERROR') return new ApiError(413, 'PAYLOAD_TOO_LARGE', TOO_LARGE_MESSAGE);
  return error;
}

function send(options: UploadFileOptions, token: string): Promise<Taro.uploadFile.SuccessCallbackResult> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: buildUrl(options.path),
      filePath: options.filePath,
      name: options.name,
      formData: options.formData,
      header: { Authorization: `Bearer ${token}` },
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      success: resolve,
      fail: () => reject(new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE)),
    });
    task?.onProgressUpdate?.((update) => options.onProgress?.(update.progress));
  });
}

/**
 * Every file upload of the app (`Taro.uploadFile`, multipart): the user's token (logging in again once if it
 * was refused), progress, and the JSON answer; an error answer, or none, rejects through `mapError`.
 */
export async function uploadFile<T>(
  options: UploadFileOptions,
  mapError: UploadErrorMapper = (error) => error,
): Promise<T> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await withUserToken((token) => send(options, token));
  } catch (error) {
    if (error instanceof ApiError) throw mapError(error, undefined);
    throw error;
  }
  const body = parseBody(response.data);
  if (response.statusCode >= 200 && response.statusCode < 300 && body && typeof body === 'object') return body as T;
  throw mapError(uploadError(response.statusCode, body), body);
}
