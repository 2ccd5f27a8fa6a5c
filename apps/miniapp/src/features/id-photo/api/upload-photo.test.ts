import Taro from '@tarojs/taro';
import { FieldsError } from './send';
import { uploadPhoto } from './upload-photo';

type UploadOptions = Parameters<typeof Taro.uploadFile>[0];

function answer(statusCode: number, body: unknown, steps = [40, 100]) {
  return (options: UploadOptions) => {
    const progress: ((update: { progress: number }) => void)[] = [];
    setTimeout(() => {
      for (const step of steps) progress.forEach((cb) => cb({ progress: step }));
      options.success?.({ statusCode, data: JSON.stringify(body), errMsg: 'uploadFile:ok' });
    }, 0);
    return { onProgressUpdate: (cb: (update: { progress: number }) => void) => progress.push(cb) } as never;
  };
}

// The jest stand-in for @tarojs/taro has no uploadFile: this spec brings its own.
const taro = Taro as unknown as { uploadFile?: jest.Mock };

describe('uploadPhoto', () => {
  let upload: jest.Mock;
  beforeEach(() => {
    Taro.setStorageSync('banshi.token', 'user-token');
    upload = jest.fn();
    taro.uploadFile = upload;
  });
  afterEach(() => delete taro.uploadFile);

  it('sends the portrait as `file` with the spec, the token, and reports progress', async () => {
    const session = {
      id: 5,
      itemId: 21,
      specName: '身份证',
      previews: [],
      expiresAt: '',
      expired: false,
      orderId: null,
    };
    upload.mockImplementation(answer(201, session));
    const onProgress = jest.fn();
    await expect(uploadPhoto({ itemId: 21, filePath: 'blob:portrait', onProgress })).resolves.toEqual(session);
    expect(upload.mock.calls[0][0]).toMatchObject({
      url: '/api/id-photo/photos',
      filePath: 'blob:portrait',
      name: 'file',
      formData: { itemId: '21' },
      header: { Authorization: 'Bearer user-token' },
    });
    expect(onProgress.mock.calls).toEqual([[40], [100]]);
  });

  it("rejects with the server's message for a file that is not a photo or too large", async () => {
    upload.mockImplementation(
      answer(415, { code: 'NOT_AN_IMAGE', message: '上传的文件不是可识别的图片，请选择 JPG 或 PNG 照片' }),
    );
    const refused = await uploadPhoto({ itemId: 21, filePath: 'p' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FieldsError);
    expect(refused).toMatchObject({
      status: 415,
      code: 'NOT_AN_IMAGE',
      message: '上传的文件不是可识别的图片，请选择 JPG 或 PNG 照片',
    });

    upload.mockImplementation(answer(413, { code: 'PAYLOAD_TOO_LARGE', message: '上传的内容太大，请压缩后重试' }));
    await expect(uploadPhoto({ itemId: 21, filePath: 'p' })).rejects.toMatchObject({ status: 413 });
  });
});
