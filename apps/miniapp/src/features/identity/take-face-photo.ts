import Taro from '@tarojs/taro';

export class CameraError extends Error {}

/**
 * The front camera, or a photo from the album, at its original size (the server fits it to the vendor's
 * limit; WeChat's compression would lose detail the comparison needs). Resolves null when the person
 * cancels. In H5 Taro offers 拍摄 / 从相册选择 and opens a file input with `capture="user"`.
 */
export async function takeFacePhoto(): Promise<string | null> {
  try {
    const result = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      camera: 'front',
      sizeType: ['original'],
    });
    return result.tempFiles[0]?.tempFilePath ?? null;
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(message)) return null;
    if (/auth|permission|privacy/i.test(message)) {
      throw new CameraError('无法使用摄像头，请在设置中允许本小程序使用摄像头和相册后重试');
    }
    throw new CameraError('没有拿到照片，请重新拍摄');
  }
}
