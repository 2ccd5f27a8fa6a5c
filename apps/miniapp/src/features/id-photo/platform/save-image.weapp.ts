import Taro from '@tarojs/taro';
import { API_BASE_URL } from '../../../shared/api/base-url';
import { type SaveImage, SaveImageError } from './save-image.types';

export const SAVE_IMAGE_LABEL = '保存到相册';

async function askForAlbumPermission(): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '需要相册权限',
    content: '保存照片需要使用相册，请在设置中允许“保存到相册”后重试',
    confirmText: '去设置',
  });
  if (confirm) await Taro.openSetting();
}

/** Downloads the file (signed URL) and saves it with wx.saveImageToPhotosAlbum. */
export const saveImage: SaveImage = async (url) => {
  let tempFilePath: string;
  try {
    const download = await Taro.downloadFile({ url: `${API_BASE_URL}${url}` });
    if (download.statusCode !== 200) throw new Error(String(download.statusCode));
    tempFilePath = download.tempFilePath;
  } catch {
    throw new SaveImageError('图片下载失败，请下拉刷新页面后重试');
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return '已保存到相册';
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(message)) return '已取消保存';
    if (/auth|deny|denied|permission/i.test(message)) {
      await askForAlbumPermission();
      throw new SaveImageError('未获得相册权限，照片未保存');
    }
    throw new SaveImageError('保存失败，请重试');
  }
};
