import Taro from '@tarojs/taro';

/**
 * A photo of a document, from the camera or the album, at its original size: the server fits it under the
 * vendor's limit (WeChat's compression would blur the small print). Null when the person cancels.
 */
export async function choosePhoto(): Promise<string | null> {
  try {
    const result = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['original'],
    });
    return result.tempFiles[0]?.tempFilePath ?? null;
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(message)) return null;
    throw new Error('没有拿到照片，请允许使用相机和相册后重试');
  }
}
