import {
  SignatureVerificationError,
  VendorApiError,
  VendorConnectionError,
  VendorTimeoutError,
} from '@banshi/vendor-clients';
import { ZhimaInvalidInputError } from '@banshi/vendor-clients/zhima';
import { certifyFailure, IDENTITY_BUSY_MESSAGE } from './vendor-failure.js';

const body = (failure: ReturnType<typeof certifyFailure>) => ({
  status: failure.error.getStatus(),
  ...(failure.error.getResponse() as object),
});

const business = (subCode: string, message: string) =>
  new VendorApiError('zhima', message, { code: '40004', subCode, httpStatus: 200 });

describe('certifyFailure', () => {
  it('no answer, a 5xx, or an answer that does not verify: retryable 503, same words', () => {
    for (const error of [
      new VendorTimeoutError('zhima', 'no answer within 15000 ms'),
      new VendorConnectionError('zhima', 'ECONNREFUSED'),
      new VendorApiError('zhima', '支付宝网关返回 HTTP 502', { code: 'HTTP_502', httpStatus: 502 }),
      new VendorApiError('zhima', '系统繁忙', { code: '20000', subCode: 'isp.unknow-error', httpStatus: 200 }),
      new SignatureVerificationError('zhima', '验签失败'),
    ]) {
      expect(body(certifyFailure(error))).toMatchObject({
        status: 503,
        message: IDENTITY_BUSY_MESSAGE,
        retryable: true,
      });
    }
  });

  it('SYSTEM_ERROR and TRANSACTION_ERROR (outcome unknown) are worth a new attempt: retryable 503', () => {
    expect(body(certifyFailure(business('SYSTEM_ERROR', '系统繁忙')))).toMatchObject({ status: 503, retryable: true });
    expect(body(certifyFailure(business('TRANSACTION_ERROR', '交易订单异常')))).toMatchObject({
      status: 503,
      retryable: true,
    });
  });

  it('a request the vendor refused is a 422 with its meaning, its words (masked) and what to do', () => {
    const failure = certifyFailure(business('INVALID_PARAMETER', '身份证号码不合法：110101199003071234'));
    expect(body(failure)).toMatchObject({ status: 422, code: 'ZHIMA_INVALID_PARAMETER' });
    const message = (failure.error.getResponse() as { message: string }).message;
    expect(message).toContain('参数有误');
    expect(message).toContain('请核对姓名、身份证号');
    expect(message).not.toContain('110101199003071234');
    expect(failure.summary).not.toContain('110101199003071234');
  });

  it('contract and key problems are for the operators: a 503 that is not retryable, logged as an error', () => {
    const contract = certifyFailure(business('ARRANGEMENT_ERROR', '合约异常'));
    expect(body(contract)).toMatchObject({ status: 503, code: 'ZHIMA_ARRANGEMENT_ERROR', retryable: false });
    expect(contract.operatorProblem).toBe(true);
    expect(contract.summary).toContain('请确认产品码正确');
    const signature = certifyFailure(
      new VendorApiError('zhima', '验签出错', { code: '40002', subCode: 'isv.invalid-signature', httpStatus: 200 }),
    );
    expect(body(signature)).toMatchObject({ status: 503, retryable: false });
  });

  it("the client's own refusal is a 400 on the field", () => {
    const failure = certifyFailure(
      new ZhimaInvalidInputError('facePicture', '人脸照片太大，请压缩到 150 KB 以内后重试'),
    );
    expect(body(failure)).toMatchObject({ status: 400, fields: { facePicture: expect.any(String) } });
  });

  it('anything that is not a vendor failure is not swallowed', () => {
    expect(() => certifyFailure(new TypeError('bug'))).toThrow('bug');
  });
});
