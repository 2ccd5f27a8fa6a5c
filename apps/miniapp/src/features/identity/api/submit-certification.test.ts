import { answerUpload, mockUploadFile, type UploadCall } from '../../../shared/upload/fake-upload';
import { CertifyError, submitCertification } from './submit-certification';

describe('submitCertification', () => {
  const mocked = mockUploadFile();

  it('sends one multipart request: consent, name, number and the photo as `face`, with the token and progress', async () => {
    mocked.current.mockImplementation(answerUpload(201, { id: 1, passed: true, attemptsLeftToday: 4 }));
    const onProgress = jest.fn();
    const result = await submitCertification({
      name: '张三',
      idNumber: '11010119900307123X',
      facePath: 'blob:x',
      onProgress,
    });
    expect(result).toMatchObject({ id: 1, passed: true });
    const options = mocked.current.mock.calls[0][0] as UploadCall;
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
    mocked.current.mockImplementation(
      answerUpload(503, {
        code: 'IDENTITY_VENDOR_UNAVAILABLE',
        message: '认证服务暂时繁忙，请稍后重试',
        retryable: true,
      }),
    );
    const busy = await submitCertification({ name: '张三', idNumber: 'x', facePath: 'p' }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(CertifyError);
    expect(busy).toMatchObject({ status: 503, message: '认证服务暂时繁忙，请稍后重试', retryable: true });

    mocked.current.mockImplementation(
      answerUpload(400, {
        code: 'VALIDATION',
        message: '身份证号校验位不正确',
        fields: { idNumber: '身份证号校验位不正确' },
      }),
    );
    const invalid = await submitCertification({ name: '张三', idNumber: 'x', facePath: 'p' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION', fields: { idNumber: '身份证号校验位不正确' } });
  });

  it('no answer at all is a retryable network error', async () => {
    mocked.current.mockImplementation((options: UploadCall) => {
      setTimeout(() => options.fail?.({ errMsg: 'uploadFile:fail timeout' }), 0);
      return {} as never;
    });
    const error = await submitCertification({ name: '张三', idNumber: 'x', facePath: 'p' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, retryable: true, message: '网络异常，请检查网络后重试' });
  });
});
