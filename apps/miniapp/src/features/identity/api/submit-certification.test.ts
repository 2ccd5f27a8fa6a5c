import Taro from '@tarojs/taro';
import { CertifyError, submitCertification } from './submit-certification';

type UploadOptions = Parameters<typeof Taro.uploadFile>[0];

function answer(statusCode: number, body: unknown) {
  return (options: UploadOptions) => {
    const progress: ((u: { progress: number }) => void)[] = [];
    setTimeout(() => {
      progress.forEach((cb) => cb({ progress: 100 }));
      options.success?.({ statusCode, data: JSON.stringify(body), errMsg: 'uploadFile:ok' });
    }, 0);
    return { onProgressUpdate: (cb: (u: { progress: number }) => void) => progress.push(cb) } as never;
  };
}

// The jest stand-in for @tarojs/taro (test/taro-mock.ts) has no uploadFile: this spec brings its own.
const taro = Taro as unknown as { uploadFile?: jest.Mock };

describe('submitCertification', () => {
  let upload: jest.Mock;
  beforeEach(() => {
    Taro.setStorageSync('banshi.token', 'user-token');
    upload = jest.fn();
    taro.uploadFile = upload;
  });
  afterEach(() => delete taro.uploadFile);

  it('sends one multipart request: consent, name, number and the photo as `face`, with the token and progress', async () => {
    upload.mockImplementation(answer(201, { id: 1, passed: true, attemptsLeftToday: 4 }));
    const onProgress = jest.fn();
    const result = await submitCertification({
      name: '张三',
      idNumber: '11010119900307123X',
      facePath: 'blob:x',
      onProgress,
    });
    expect(result).toMatchObject({ id: 1, passed: true });
    const options = upload.mock.calls[0][0] as UploadOptions;
    expect(options).toMatchObject({
      url: '/api/identity/certifications',
      filePath: 'blob:x',
      name: 'face',
      formData: { consent: 'true', name: '张三', idNumber: '11010119900307123X' },
      header: { Authorization: 'Bearer user-token' },
    });
    expect(onProgress).toHaveBeenCalledWith(100);
  });

  it("rejects with the server's message, the fields and whether to retry", async () => {
    upload.mockImplementation(
      answer(503, { code: 'IDENTITY_VENDOR_UNAVAILABLE', message: '认证服务暂时繁忙，请稍后重试', retryable: true }),
    );
    const busy = await submitCertification({ name: '张三', idNumber: 'x', facePath: 'p' }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(CertifyError);
    expect(busy).toMatchObject({ status: 503, message: '认证服务暂时繁忙，请稍后重试', retryable: true });

    upload.mockImplementation(
      answer(400, {
        code: 'VALIDATION',
        message: '身份证号校验位不正确',
        fields: { idNumber: '身份证号校验位不正确' },
      }),
    );
    const invalid = await submitCertification({ name: '张三', idNumber: 'x', facePath: 'p' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION', fields: { idNumber: '身份证号校验位不正确' } });
  });

  it('no answer at all is a retryable network error', async () => {
    upload.mockImplementation((options: UploadOptions) => {
      setTimeout(() => options.fail?.({ errMsg: 'uploadFile:fail timeout' }), 0);
      return {} as never;
    });
    const error = await submitCertification({ name: '张三', idNumber: 'x', facePath: 'p' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, retryable: true, message: '网络异常，请检查网络后重试' });
  });
});
