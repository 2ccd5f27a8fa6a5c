import Taro from '@tarojs/taro';

export class ChoosePhotoError extends Error {
  override name = 'ChoosePhotoError';
}

/**
 * One portrait from the camera or the album, at its original size: WeChat's compression would lose the
 * detail the vendor checks, and the server does the fitting. Resolves null when the person cancels. In
 * H5, Taro opens a file input (`#taroChooseMedia`), with `capture` for the camera.
 */
export async function choosePhoto(source: 'camera' | 'album'): Promise<string | null> {
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
    if (/auth|permission|privacy|deny/i.test(message)) {
      throw new ChoosePhotoError('无法使用摄像头或相册，请在设置中允许本小程序访问后重试');
    }
    throw new ChoosePhotoError('没有拿到照片，请重新选择');
  }
}
