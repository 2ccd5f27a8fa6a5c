import Taro from '@tarojs/taro';
import { ApiError, buildUrl, NETWORK_ERROR_MESSAGE } from '../../../shared/api/http';
import { errorFrom, parseBody, withUserToken } from './send';
import type { components } from '../../../shared/api/schema';
import type { PhotoSessionDto } from './types';

export const UPLOAD_PATH = '/api/id-photo/photos';
/** A phone's original photo over a slow network, then the vendor making it for every background. */
const UPLOAD_TIMEOUT_MS = 90_000;

/** The multipart body's spec (the generated DTO's), and the photo as the device holds it. */
export interface UploadInput extends Pick<components['schemas']['UploadPhotoBodyDto'], 'itemId'> {
  /** `tempFilePath` from chooseMedia: a local path in WeChat, a blob URL in H5. */
  filePath: string;
  /** Upload progress, 0–100. */
  onProgress?: (percent: number) => void;
}

function send(input: UploadInput, token: string): Promise<Taro.uploadFile.SuccessCallbackResult> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: buildUrl(UPLOAD_PATH),
      filePath: input.filePath,
      name: 'file',
      formData: { itemId: String(input.itemId) },
      header: { Authorization: `Bearer ${token}` },
      timeout: UPLOAD_TIMEOUT_MS,
      success: resolve,
      fail: () => reject(new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE)),
    });
    task?.onProgressUpdate?.((update) => input.onProgress?.(update.progress));
  });
}

/** Uploads the portrait; the server normalises it and answers the previews per background colour. */
export async function uploadPhoto(input: UploadInput): Promise<PhotoSessionDto> {
  const response = await withUserToken((token) => send(input, token));
  const body = parseBody(response.data);
  if (response.statusCode >= 200 && response.statusCode < 300 && body && typeof body === 'object') {
    return body as PhotoSessionDto;
  }
  throw errorFrom(response.statusCode, response.data);
}
