import { SANDBOX_FAILED_REASONS } from '@banshi/vendor-simulators/zhima';
import { adviceForFailure } from './failure-advice.js';

describe('failure advice', () => {
  it('turns each reason the vendor gives into what failed and what to do next', () => {
    expect(adviceForFailure(SANDBOX_FAILED_REASONS.faceMismatch)).toMatchObject({
      title: '照片与身份证照片不是同一人',
      detail: expect.stringContaining('请本人正对镜头、光线充足、摘下眼镜帽子后重新拍摄'),
      retakePhoto: true,
    });
    expect(adviceForFailure(SANDBOX_FAILED_REASONS.nameMismatch)).toMatchObject({
      title: '姓名与身份证号不一致',
      detail: expect.stringContaining('请核对姓名和身份证号是否与证件一致'),
      retakePhoto: false,
    });
    expect(adviceForFailure(SANDBOX_FAILED_REASONS.poorPhoto)).toMatchObject({
      title: '照片不够清晰',
      retakePhoto: true,
    });
    expect(adviceForFailure(SANDBOX_FAILED_REASONS.unknownIdentity)).toMatchObject({
      title: '未查询到该身份信息',
      retakePhoto: false,
    });
  });

  it('gives general advice for a reason nobody has seen yet', () => {
    expect(adviceForFailure('其他原因')).toMatchObject({
      title: '认证未通过',
      detail: expect.stringContaining('重新拍摄'),
    });
    expect(adviceForFailure(undefined).title).toBe('认证未通过');
  });
});
