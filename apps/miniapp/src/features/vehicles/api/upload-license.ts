import Taro from '@tarojs/taro';
import { ApiError, buildUrl, NETWORK_ERROR_MESSAGE, toApiError } from '../../../shared/api/http';
import { ensureUserToken, signIn } from '../../../shared/auth/session';
import { tokenStore } from '../../../shared/auth/token-store';
import type { TravelLicenseStatusDto } from './types';

const UPLOAD_TIMEOUT_MS = 90_000;

function send(
  carId: number,
  side: 'front' | 'back',
  filePath: string,
  token: string,
  onProgress?: (percent: number) => void,
): Promise<Taro.uploadFile.SuccessCallbackResult> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: buildUrl(`/api/vehicles/cars/${carId}/travel-license/${side}`),
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      timeout: UPLOAD_TIMEOUT_MS,
      success: resolve,
      fail: () => reject(new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE)),
    });
    task?.onProgressUpdate?.((update) => onProgress?.(update.progress));
  });
}

/** One page of the travel licence, as the original photo (the server fits it under the vendor's 500 KB). */
export async function uploadLicensePage(
  carId: number,
  side: 'front' | 'back',
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<TravelLicenseStatusDto> {
  let token = await ensureUserToken();
  let response = await send(carId, side, filePath, token, onProgress);
  if (response.statusCode === 401) {
    if (tokenStore.getUser() === token) tokenStore.clearUser();
    token = tokenStore.getUser() ?? (await signIn());
    response = await send(carId, side, filePath, token, onProgress);
  }
  let body: unknown = response.data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = undefined;
    }
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return body as TravelLicenseStatusDto;
  throw toApiError(response.statusCode, body);
}
