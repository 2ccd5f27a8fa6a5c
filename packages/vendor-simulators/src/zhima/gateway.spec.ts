import { createVerify } from 'node:crypto';
import { ZHIMA_CERTIFY_METHOD, ZHIMA_CERTIFY_RESPONSE_KEY, formatAlipayTimestamp } from '@banshi/vendor-clients/zhima';
import { APP_ID, FAILING, makeAppKeys, PASSING } from './test-support/fixtures.js';
import { useSimulatorHarness } from './test-support/simulator-harness.js';

const h = useSimulatorHarness();
const stranger = makeAppKeys();

describe('zhima simulator: answers alipay-sdk accepts', () => {
  it('a pass: verified by alipay-sdk exec({ validateSign: true })', async () => {
    const answer = await h.sdkCertify(h.validBiz());
    expect(answer).toMatchObject({ code: '10000', msg: 'Success', passed: 'true', failed_reason: '认证完成' });
    expect(answer.biz_no).toMatch(
      new RegExp(`^ZM${formatAlipayTimestamp(h.clock.now()).slice(0, 10).replace(/-/g, '')}\\d{22}$`),
    );
  });

  it('a fail: verified the same way, with the table reason', async () => {
    const answer = await h.sdkCertify(h.validBiz(FAILING));
    expect(answer).toMatchObject({ code: '10000', passed: 'false', failed_reason: FAILING.failedReason });
  });

  it('signs the exact JSON text of the _response value, which sdk.checkResponseSign accepts', async () => {
    const { text, json, sign } = await h.rawCall({});
    const inner = JSON.stringify(json[ZHIMA_CERTIFY_RESPONSE_KEY]);
    expect(text).toBe(`{"${ZHIMA_CERTIFY_RESPONSE_KEY}":${inner},"sign":"${sign}"}`);
    const verifier = createVerify('RSA-SHA256').update(inner, 'utf8');
    expect(verifier.verify(h.sim.alipayPublicKey, sign!, 'base64')).toBe(true);
    expect(() => h.sdk.checkResponseSign(text, ZHIMA_CERTIFY_RESPONSE_KEY, sign!, 'test-trace')).not.toThrow();
  });

  it('tamperNextResponse: one character changes, alipay-sdk refuses the answer', async () => {
    h.sim.tamperNextResponse();
    const { text, sign } = await h.rawCall({});
    expect(() => h.sdk.checkResponseSign(text, ZHIMA_CERTIFY_RESPONSE_KEY, sign!, 'test-trace')).toThrow(/验签失败/);
    expect(h.sim.requests.at(-1)!.tampered).toBe(true);
    h.sim.tamperNextResponse();
    await expect(h.sdkCertify(h.validBiz())).rejects.toThrow(/验签失败/);
  });

  it('alipay-sdk stamps process-local time, which the gateway reads as Beijing time', async () => {
    // Why the client sends its own timestamp: a server in UTC would be refused as 8 hours late.
    const before = Date.now();
    const answer = await h.sdk.exec(ZHIMA_CERTIFY_METHOD, { bizContent: h.validBiz() }, { validateSign: true });
    const stamped = h.sim.requests.at(-1)!.params.timestamp;
    // An ISO date-time without an offset is read as local time.
    expect(Math.abs(new Date(stamped.replace(' ', 'T')).getTime() - before)).toBeLessThan(5_000);
    const offsetFromBeijingMin = Math.abs(-new Date(before).getTimezoneOffset() - 480);
    if (offsetFromBeijingMin > 15) expect(answer).toMatchObject({ code: '40002', sub_code: 'isv.invalid-timestamp' });
    else expect(answer).toMatchObject({ code: '10000' });
  });
});

describe('zhima simulator: common parameters and the RSA2 request signature', () => {
  it('accepts a request signed by the published rule without alipay-sdk, all in the query (GET)', async () => {
    const { answer } = await h.rawCall({}, { httpMethod: 'GET' });
    expect(answer).toMatchObject({ code: '10000', passed: 'true' });
  });

  it('refuses a request signed with another key: 40002 isv.invalid-signature, signed answer', async () => {
    const { answer, sign } = await h.rawCall({}, { key: stranger.privateKey });
    expect(answer).toMatchObject({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' });
    expect(answer.sub_msg).toContain(`app_id=${APP_ID}&biz_content=<`);
    expect(sign).toBeTruthy();
  });

  it('refuses a request whose biz_content changed after signing', async () => {
    const { answer } = await h.rawCall(
      {},
      { afterSigning: (p) => (p.biz_content = p.biz_content.replace(PASSING.certName!, '李四')) },
    );
    expect(answer).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature' });
  });

  it.each([
    ['timestamp', 'isv.missing-timestamp'],
    ['sign_type', 'isv.missing-signature-type'],
    ['version', 'isv.missing-version'],
    ['method', 'isv.missing-method'],
  ])('answers 40001 without %s', async (param, subCode) => {
    const { answer } = await h.rawCall({ [param]: null });
    expect(answer).toMatchObject({ code: '40001', msg: 'Missing Required Arguments', sub_code: subCode });
  });

  it('answers 40001 isv.missing-signature without sign', async () => {
    const { answer } = await h.rawCall({ sign: null });
    expect(answer).toMatchObject({ code: '40001', sub_code: 'isv.missing-signature' });
  });

  it('answers an unknown app_id without a sign, as the real gateway does', async () => {
    const { answer, sign } = await h.rawCall({ app_id: '2021000000000999' });
    expect(answer).toMatchObject({ code: '40002', sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数' });
    expect(sign).toBeUndefined();
  });

  it.each([
    ['sign_type', 'RSA', 'isv.invalid-signature-type'],
    ['method', 'alipay.trade.pay', 'isv.invalid-method'],
    ['version', '2.0', 'isv.invalid-parameter'],
    ['format', 'XML', 'isv.invalid-format'],
    ['charset', 'gbk', 'isv.invalid-charset'],
    ['timestamp', '2024/01/01 10:00:00', 'isv.invalid-timestamp'],
    ['timestamp', '2024-02-30 10:00:00', 'isv.invalid-timestamp'],
  ])('answers 40002 for %s=%s', async (param, value, subCode) => {
    const { answer } = await h.rawCall({ [param]: value });
    expect(answer).toMatchObject({ code: '40002', sub_code: subCode });
  });

  it('keeps a 15 minute window around its own (injected) clock, both ways', async () => {
    const sent = formatAlipayTimestamp(h.clock.now());
    h.clock.advance(14 * 60_000);
    expect((await h.rawCall({ timestamp: sent })).answer).toMatchObject({ code: '10000' });
    h.clock.advance(2 * 60_000);
    expect((await h.rawCall({ timestamp: sent })).answer).toMatchObject({ sub_code: 'isv.invalid-timestamp' });
    const ahead = formatAlipayTimestamp(h.clock.now() + 16 * 60_000);
    expect((await h.rawCall({ timestamp: ahead })).answer).toMatchObject({ sub_code: 'isv.invalid-timestamp' });
  });
});
