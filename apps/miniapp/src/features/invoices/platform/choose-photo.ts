import Taro from '@tarojs/taro';

export type PhotoSource = 'camera' | 'album';

export class PhotoError extends Error {}

/**
 * A bill photo at its original size (`sizeType: ['original']`): WeChat's compression would blur the small
 * print the vendor reads; the server does the fitting to 2 MB / 300 dpi. Resolves null when cancelled.
 * In H5, Taro opens a file input (with `capture` for the camera).
 */
export async function chooseBillPhoto(source: PhotoSource): Promise<string | null> {
  try {
    const result = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: [source],
      camera: 'back',
      sizeType: ['original'],
    });
    return result.tempFiles[0]?.tempFilePath ?? null;
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(message)) return null;
    if (/auth|permission|privacy/i.test(message)) {
      throw new PhotoError('无法使用相机或相册，请在设置中允许本小程序使用后重试');
    }
    throw new PhotoError('没有拿到照片，请重新选择');
  }
}
