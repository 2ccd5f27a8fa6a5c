import Taro from '@tarojs/taro';

export type PhotoSource = 'camera' | 'album';

/** A reason, in Chinese, why no photo came back (the person cancelling is not one: that is null). */
export class PhotoPickError extends Error {
  override name = 'PhotoPickError';
}

export interface ChoosePhotoOptions {
  /** Both by default: WeChat (and Taro in H5) then offers 拍摄 / 从相册选择. */
  sources?: PhotoSource[];
  /** `front` for a face; documents and bills want the back camera. */
  camera?: 'front' | 'back';
}

/**
 * One photo from the camera or the album, at its original size: WeChat's compression would lose the detail
 * the vendors read, and the server does the fitting. Resolves null when the person cancels. In H5, Taro
 * opens a file input (with `capture` for the camera).
 */
export async function choosePhoto({ sources = ['camera', 'album'], camera = 'back' }: ChoosePhotoOptions = {}): Promise<
  string | null
> {
  try {
    const result = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: sources,
      camera,
      sizeType: ['original'],
    });
    return result.tempFiles[0]?.tempFilePath ?? null;
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(message)) return null;
    if (/auth|permission|privacy|deny/i.test(message)) {
      throw new PhotoPickError('无法使用相机或相册，请在设置中允许本小程序使用后重试');
    }
    throw new PhotoPickError('没有拿到照片，请重新选择');
  }
}
