import Taro from '@tarojs/taro';
import { ApiError } from '../api/http';
import { uploadFile } from './upload-file';

type UploadOptions = Parameters<typeof Taro.uploadFile>[0];

function answer(statusCode: number, data: string) {
  return (options: UploadOptions) => {
    setTimeout(() => options.success?.({ statusCode, data, errMsg: 'uploadFile:ok' }), 0);
    return {} as never;
  };
}

// The jest stand-in for @tarojs/taro has no uploadFile: this spec brings its own.
const taro = Taro as unknown as { uploadFile?: jest.Mock; request: unknown };

describe('uploadFile', () => {
  let upload: jest.Mock;
  beforeEach(() => {
    Taro.setStorageSync('banshi.token', 'stale-token');
    upload = jest.fn();
    taro.uploadFile = upload;
  });
  afterEach(() => delete taro.uploadFile);

  it("an oversized photo refused by the proxy (no body of ours) is said in Chinese, as the feature's error", async () => {
    upload.mockImplementation(answer(413, '<html>413 Request Entity Too Large</html>'));
    class PhotoProblem extends Error {}
    const error = await uploadFile({ path: '/api/x', filePath: 'p', name: 'file' }, (base) => {
      expect(base).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      return new PhotoProblem(base.message);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoProblem);
    expect((error as Error).message).toBe('照片太大，请换一张较小的照片后重试');
  });

  it('no answer at all is a network error with status 0', async () => {
    upload.mockImplementation((options: UploadOptions) => {
      setTimeout(() => options.fail?.({ errMsg: 'uploadFile:fail' }), 0);
      return {} as never;
    });
    const error = await uploadFile({ path: '/api/x', filePath: 'p', name: 'file' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, message: '网络异常，请检查网络后重试' });
  });

  it('a body that is not JSON on success is an error, not undefined passed on as data', async () => {
    upload.mockImplementation(answer(200, 'not json'));
    await expect(uploadFile({ path: '/api/x', filePath: 'p', name: 'file' })).rejects.toBeInstanceOf(ApiError);
  });
});
