import type { components } from '../../../shared/api/schema';
import { uploadFile } from '../../../shared/upload/upload-file';
import { fieldsErrorFrom } from './send';
import type { PhotoSessionDto } from './types';

export const UPLOAD_PATH = '/api/id-photo/photos';

/** The multipart body's spec (the generated DTO's), and the photo as the device holds it. */
export interface UploadInput extends Pick<components['schemas']['UploadPhotoBodyDto'], 'itemId'> {
  /** `tempFilePath` from chooseMedia: a local path in WeChat, a blob URL in H5. */
  filePath: string;
  /** Upload progress, 0–100. */
  onProgress?: (percent: number) => void;
}

/** Uploads the portrait; the server normalises it and answers the previews per background colour. */
export function uploadPhoto(input: UploadInput): Promise<PhotoSessionDto> {
  return uploadFile<PhotoSessionDto>(
    {
      path: UPLOAD_PATH,
      filePath: input.filePath,
      name: 'file',
      formData: { itemId: String(input.itemId) },
      onProgress: input.onProgress,
    },
    fieldsErrorFrom,
  );
}
