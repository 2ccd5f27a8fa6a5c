import { API_BASE_URL } from '../../../shared/api/base-url';
import type { SaveImage } from './save-image.types';

export const SAVE_IMAGE_LABEL = '下载图片';

/** A browser has no photo album: the file is downloaded through a link (same origin, so `download` works). */
export const saveImage: SaveImage = async (url, fileName) => {
  const link = document.createElement('a');
  link.href = `${API_BASE_URL}${url}`;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return '已开始下载';
};
