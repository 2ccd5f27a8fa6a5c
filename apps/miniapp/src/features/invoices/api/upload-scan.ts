import Taro from '@tarojs/taro';
import { ApiError, buildUrl, NETWORK_ERROR_MESSAGE, toApiError } from '../../../shared/api/http';
import { ensureUserToken, signIn } from '../../../shared/auth/session';
import { tokenStore } from '../../../shared/auth/token-store';
import type { InvoiceScan } from './types';

/** An original phone photo (several MB) over a slow mobile network. */
const UPLOAD_TIMEOUT_MS = 120_000;

export interface UploadOptions {
  onProgress?: (percent: number) => void;
  /** The price of a photo recognition shown to the user (absent while prices are unknown). */
  amountFen?: number;
}

export type UploadTarget = { kind: 'photo' } | { kind: 'qr-image' } | { kind: 'retry'; scanId: number };

function pathOf(target: UploadTarget): string {
  if (target.kind === 'photo') return '/api/invoices/photos';
  if (target.kind === 'qr-image') return '/api/invoices/qr-images';
  return `/api/invoices/${target.scanId}/retry`;
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function send(
  target: UploadTarget,
  filePath: string,
  token: string,
  options: UploadOptions,
): Promise<Taro.uploadFile.SuccessCallbackResult> {
  const { onProgress, amountFen } = options;
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: buildUrl(pathOf(target)),
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      // The price the user was shown for a photo recognition: the server refuses another one.
      formData: amountFen === undefined ? undefined : { amountFen: String(amountFen) },
      timeout: UPLOAD_TIMEOUT_MS,
      success: resolve,
      fail: () => reject(new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE)),
    });
    task?.onProgressUpdate?.((update) => onProgress?.(update.progress));
  });
}

/**
 * Uploads a bill photo or a QR photo (`Taro.uploadFile`, multipart, with the user's token and progress) and
 * answers the new scan. The server fits the original photo to the vendor's limits; nothing is compressed here.
 */
export async function uploadScan(
  target: UploadTarget,
  filePath: string,
  options: UploadOptions = {},
): Promise<InvoiceScan> {
  let token = await ensureUserToken();
  let response = await send(target, filePath, token, options);
  if (response.statusCode === 401) {
    if (tokenStore.getUser() === token) tokenStore.clearUser();
    token = tokenStore.getUser() ?? (await signIn());
    response = await send(target, filePath, token, options);
  }
  const body = parse(response.data);
  if (response.statusCode >= 200 && response.statusCode < 300 && body && typeof body === 'object') {
    return body as InvoiceScan;
  }
  throw toApiError(response.statusCode, body);
}
