import { uploadFile } from '../../../shared/upload/upload-file';
import type { TravelLicenseStatusDto } from './types';

/** One page of the travel licence, as the original photo (the server fits it under the vendor's 500 KB). */
export function uploadLicensePage(
  carId: number,
  side: 'front' | 'back',
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<TravelLicenseStatusDto> {
  return uploadFile<TravelLicenseStatusDto>({
    path: `/api/vehicles/cars/${carId}/travel-license/${side}`,
    filePath,
    name: 'file',
    onProgress,
  });
}
