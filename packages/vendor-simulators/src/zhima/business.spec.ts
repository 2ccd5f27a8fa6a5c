import sharp from 'sharp';
import { checkIdNumber, makeIdNumber } from '@banshi/vendor-clients';
import { makeFace, PASSING } from './test-support/fixtures.js';
import { identityParam as identity, useSimulatorHarness, type Biz } from './test-support/simulator-harness.js';
import { DEFAULT_SANDBOX_IDENTITIES, SANDBOX_FAILED_REASONS } from './sandbox-identities.js';

const h = useSimulatorHarness();

describe('zhima simulator: business parameters', () => {
  const tooLongFace = JSON.stringify({ FACIAL_PICTURE_FRONT: 'A'.repeat(204_800) });

  it.each<[string, () => Promise<Biz> | Biz, string, string]>([
    [
      'an ID number with a wrong check digit',
      () => ({ ...h.validBiz(), identity_param: identity('110101199003071234') }),
      'INVALID_PARAMETER',
      '校验位',
    ],
    [
      'a biz_code other than FACE_API',
      () => ({ ...h.validBiz(), biz_code: 'SMART_FACE' }),
      'UNSUPPORTED_BIZ_CODE',
      'SMART_FACE',
    ],
    ['another product code', () => ({ ...h.validBiz(), product_code: 'w1' }), 'ARRANGEMENT_ERROR', '产品码'],
    [
      'identity_param that is not JSON',
      () => ({ ...h.validBiz(), identity_param: '{cert_no:1}' }),
      'INVALID_PARAMETER',
      'identity_param',
    ],
    [
      'identity_type other than CERT_INFO',
      () => ({ ...h.validBiz(), identity_param: identity(PASSING.certNo, '张三', { identity_type: 'ALIPAY_USER' }) }),
      'INVALID_PARAMETER',
      'CERT_INFO',
    ],
    [
      'cert_type other than IDENTITY_CARD',
      () => ({ ...h.validBiz(), identity_param: identity(PASSING.certNo, '张三', { cert_type: 'PASSPORT' }) }),
      'INVALID_PARAMETER',
      'IDENTITY_CARD',
    ],
    [
      'an empty cert_name',
      () => ({ ...h.validBiz(), identity_param: identity(PASSING.certNo, ' ') }),
      'INVALID_PARAMETER',
      'cert_name',
    ],
    [
      'materials without FACIAL_PICTURE_FRONT',
      () => ({ ...h.validBiz(), materials: '{}' }),
      'INVALID_PARAMETER',
      'FACIAL_PICTURE_FRONT',
    ],
    [
      'a face that is not base64',
      () => ({ ...h.validBiz(), materials: JSON.stringify({ FACIAL_PICTURE_FRONT: '!!not base64!!' }) }),
      'INVALID_PARAMETER',
      'Base64',
    ],
    [
      'a face that is text, not an image',
      () => ({
        ...h.validBiz(),
        materials: JSON.stringify({ FACIAL_PICTURE_FRONT: Buffer.from('hello').toString('base64') }),
      }),
      'INVALID_PARAMETER',
      '无法解码',
    ],
    [
      // Cut after the header: sharp's metadata() still reads it, only a full decode notices.
      'a JPEG cut off at 80 %',
      async () => {
        const jpeg = await makeFace();
        const cut = jpeg.subarray(0, Math.floor(jpeg.length * 0.8)).toString('base64');
        return { ...h.validBiz(), materials: JSON.stringify({ FACIAL_PICTURE_FRONT: cut }) };
      },
      'INVALID_PARAMETER',
      '无法解码',
    ],
    [
      'a GIF face',
      async () => ({
        ...h.validBiz(),
        materials: JSON.stringify({
          FACIAL_PICTURE_FRONT: (
            await sharp(await makeFace('png'))
              .gif()
              .toBuffer()
          ).toString('base64'),
        }),
      }),
      'INVALID_PARAMETER',
      '格式不支持',
    ],
    [
      'materials over 204800 characters',
      () => ({ ...h.validBiz(), materials: tooLongFace }),
      'INVALID_PARAMETER',
      '204800',
    ],
    [
      'a transaction_id with a dash',
      () => ({ ...h.validBiz(), transaction_id: 'ABC-123' }),
      'INVALID_PARAMETER',
      'transaction_id',
    ],
    [
      'merchant_config that is not JSON',
      () => ({ ...h.validBiz(), merchant_config: 'yes' }),
      'INVALID_PARAMETER',
      'merchant_config',
    ],
  ])('refuses %s with 40004 %s', async (_label, biz, subCode, inSubMsg) => {
    const answer = await h.sdkCertify(await biz());
    expect(answer).toMatchObject({ code: '40004', msg: 'Business Failed', sub_code: subCode });
    expect(answer.sub_msg).toContain(inSubMsg);
  });

  it.each(['transaction_id', 'product_code', 'biz_code', 'identity_param', 'materials'])(
    'answers 40001 when %s is missing',
    async (param) => {
      const answer = await h.sdkCertify({ ...h.validBiz(), [param]: undefined });
      expect(answer).toMatchObject({ code: '40001', sub_code: 'isv.missing-parameter' });
      expect(answer.sub_msg).toContain(param);
    },
  );

  it('refuses a repeated transaction_id; a refused attempt does not use its transaction_id up', async () => {
    const biz = h.validBiz();
    expect(await h.sdkCertify({ ...biz, biz_code: 'OTHER' })).toMatchObject({ sub_code: 'UNSUPPORTED_BIZ_CODE' });
    expect(await h.sdkCertify(biz)).toMatchObject({ code: '10000' });
    expect(await h.sdkCertify(biz)).toMatchObject({ code: '40004', sub_code: 'TRANSACTION_ERROR' });
  });

  it('failNextCertify: only the next valid request fails, with the forced code', async () => {
    h.sim.failNextCertify('BIZ_ERROR');
    expect(await h.sdkCertify({ ...h.validBiz(), biz_code: 'X' })).toMatchObject({ sub_code: 'UNSUPPORTED_BIZ_CODE' });
    expect(await h.sdkCertify(h.validBiz())).toMatchObject({
      code: '40004',
      sub_code: 'BIZ_ERROR',
      sub_msg: '业务异常，认证失败',
    });
    expect(await h.sdkCertify(h.validBiz())).toMatchObject({ code: '10000' });
  });

  it('logs what it received without the face photo', async () => {
    const biz = h.validBiz();
    await h.sdkCertify(biz);
    const entry = h.sim.requests.at(-1)!;
    expect(entry.certify).toMatchObject({
      transactionId: biz.transaction_id,
      certNo: PASSING.certNo,
      face: { format: 'jpeg' },
    });
    expect(entry.params).not.toHaveProperty('sign');
    expect(entry.params).not.toHaveProperty('biz_content');
    expect(JSON.stringify(h.sim.requests)).not.toContain(h.faceBase64.slice(0, 40));
  });

  it('answers 503 through the shared fault knobs', async () => {
    h.sim.faults.failNext(1, 503);
    await expect(h.sdkCertify(h.validBiz())).rejects.toThrow(/status: 503/);
  });
});

describe('zhima simulator: sandbox identities', () => {
  it('ships a default table of valid ID numbers with passes and realistic failures', () => {
    for (const person of DEFAULT_SANDBOX_IDENTITIES) expect(checkIdNumber(person.certNo).valid).toBe(true);
    expect(DEFAULT_SANDBOX_IDENTITIES.filter((p) => p.passes).length).toBeGreaterThanOrEqual(2);
    expect(DEFAULT_SANDBOX_IDENTITIES.map((p) => p.failedReason)).toEqual(
      expect.arrayContaining([
        SANDBOX_FAILED_REASONS.faceMismatch,
        SANDBOX_FAILED_REASONS.nameMismatch,
        SANDBOX_FAILED_REASONS.poorPhoto,
      ]),
    );
  });

  it('fails the name-mismatch entry under any name', async () => {
    const entry = DEFAULT_SANDBOX_IDENTITIES.find((p) => p.failedReason === SANDBOX_FAILED_REASONS.nameMismatch)!;
    const answer = await h.sdkCertify({ ...h.validBiz(), identity_param: identity(entry.certNo, '任意') });
    expect(answer).toMatchObject({ passed: 'false', failed_reason: '身份证号与姓名不匹配' });
  });

  it('decides unknown people by the unknownIdentities knob, and setIdentity changes a verdict', async () => {
    const newcomer = makeIdNumber('420111', '19951010', 518);
    const biz = () => ({ ...h.validBiz(), identity_param: identity(newcomer, '路人') });
    expect(await h.sdkCertify(biz())).toMatchObject({ passed: 'true' });
    h.sim.unknownIdentities = 'fail';
    expect(await h.sdkCertify(biz())).toMatchObject({
      passed: 'false',
      failed_reason: SANDBOX_FAILED_REASONS.unknownIdentity,
    });
    h.sim.unknownIdentities = 'pass';
    h.sim.setIdentity({
      certNo: newcomer.toLowerCase(),
      passes: false,
      failedReason: SANDBOX_FAILED_REASONS.poorPhoto,
    });
    expect(await h.sdkCertify(biz())).toMatchObject({
      passed: 'false',
      failed_reason: SANDBOX_FAILED_REASONS.poorPhoto,
    });
  });
});
