import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  makeIdNumber,
  SignatureVerificationError,
  VendorApiError,
  VendorConnectionError,
  VendorTimeoutError,
} from '@banshi/vendor-clients';
import {
  ZhimaClient,
  ZhimaInvalidInputError,
  describeZhimaError,
  ZHIMA_BUSINESS_ERRORS,
  formatAlipayTimestamp,
  makeTransactionId,
  type ZhimaClientOptions,
} from '@banshi/vendor-clients/zhima';
import { APP_ID, FAILING, makeAppKeys, makeFace, PASSING } from './test-support/fixtures.js';
import { DEFAULT_SANDBOX_PRODUCT_CODE, startZhimaSimulator, type ZhimaSimulator } from './zhima-simulator.js';
import { SANDBOX_FAILED_REASONS } from './sandbox-identities.js';

const app = makeAppKeys();
const stranger = makeAppKeys();
let sim: ZhimaSimulator;
let face: Buffer;

beforeAll(async () => {
  sim = await startZhimaSimulator({ appId: APP_ID, appPublicKey: app.publicPem });
  face = await makeFace();
});
afterEach(() => sim.resetKnobs());
afterAll(() => sim.close());

const clientWith = (overrides: Partial<ZhimaClientOptions> = {}) =>
  new ZhimaClient({
    appId: APP_ID,
    privateKey: app.pkcs8Pem,
    alipayPublicKey: sim.alipayPublicKey,
    gateway: sim.gatewayUrl,
    productCode: DEFAULT_SANDBOX_PRODUCT_CODE,
    timeoutMs: 5_000,
    ...overrides,
  });

const person = (who = PASSING) => ({
  transactionId: makeTransactionId('T'),
  certName: who.certName ?? '测试',
  certNo: who.certNo,
  facePicture: face,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

const callsNow = () => sim.host.callsTo('/gateway.do');

describe('ZhimaClient.certifyMaterial against the simulated gateway', () => {
  it('returns a pass with the biz_no and sends the document request shape', async () => {
    const fixedNow = Date.now();
    const params = { ...person(), merchantConfig: {}, extBizParam: {} };
    const result = await clientWith({ clock: { now: () => fixedNow } }).certifyMaterial(params);

    expect(result).toEqual({ bizNo: expect.stringMatching(/^ZM\d{30}$/), passed: true });
    const logged = sim.requests.at(-1)!;
    expect(logged.params).toMatchObject({
      app_id: APP_ID,
      method: 'zhima.customer.certification.material.certify',
      sign_type: 'RSA2',
      charset: 'utf-8',
      version: '1.0',
      // Beijing time whatever the process's time zone.
      timestamp: formatAlipayTimestamp(fixedNow),
    });
    expect(logged.certify).toMatchObject({
      transactionId: params.transactionId,
      productCode: DEFAULT_SANDBOX_PRODUCT_CODE,
      bizCode: 'FACE_API',
      certName: PASSING.certName,
      certNo: PASSING.certNo,
      face: { format: 'jpeg', width: 96, height: 96, bytes: face.length },
      merchantConfig: '{}',
      extBizParam: '{}',
    });
    expect(logged.certify.linkedMerchantId).toBeUndefined();
  });

  it('returns a fail with the vendor reason as a boolean verdict, not an error', async () => {
    const result = await clientWith().certifyMaterial(person(FAILING));
    expect(result).toEqual({
      bizNo: expect.stringMatching(/^ZM\d{30}$/),
      passed: false,
      failedReason: SANDBOX_FAILED_REASONS.faceMismatch,
    });
  });

  it('fails a known number under another name as 身份证号与姓名不匹配', async () => {
    const result = await clientWith().certifyMaterial({ ...person(), certName: '张三丰' });
    expect(result).toMatchObject({ passed: false, failedReason: '身份证号与姓名不匹配' });
  });

  it('sends linked_merchant_id from the options, and a per-call value over it', async () => {
    await clientWith({ linkedMerchantId: '2088721630869411' }).certifyMaterial(person());
    expect(sim.requests.at(-1)!.certify.linkedMerchantId).toBe('2088721630869411');
    await clientWith({ linkedMerchantId: '2088721630869411' }).certifyMaterial({
      ...person(),
      linkedMerchantId: '2088000000000002',
    });
    expect(sim.requests.at(-1)!.certify.linkedMerchantId).toBe('2088000000000002');
  });

  it('accepts the face as base64 text or a data URL, and a PNG', async () => {
    const png = await makeFace('png');
    await expect(
      clientWith().certifyMaterial({ ...person(), facePicture: `data:image/png;base64,${png.toString('base64')}` }),
    ).resolves.toMatchObject({ passed: true });
    expect(sim.requests.at(-1)!.certify.face).toMatchObject({ format: 'png', bytes: png.length });
  });

  it.each([
    ['PKCS8 PEM', () => app.pkcs8Pem],
    ['PKCS1 PEM', () => app.pkcs1Pem],
    ['bare PKCS8 base64', () => app.pkcs8Body],
    ['bare PKCS1 base64', () => app.pkcs1Body],
  ])('signs requests the gateway accepts with a %s private key', async (_label, key) => {
    await expect(clientWith({ privateKey: key() }).certifyMaterial(person())).resolves.toMatchObject({
      passed: true,
    });
  });

  it('accepts the Alipay public key as a bare base64 body', async () => {
    const body = sim.alipayPublicKey.replace(/-----[A-Z ]+-----|\s/g, '');
    await expect(clientWith({ alipayPublicKey: body }).certifyMaterial(person())).resolves.toMatchObject({
      passed: true,
    });
  });
});

describe('ZhimaClient.certifyMaterial: signatures', () => {
  it('refuses an answer altered by one character after signing', async () => {
    sim.tamperNextResponse();
    const error = await failure(clientWith().certifyMaterial(person()));
    expect(error).toBeInstanceOf(SignatureVerificationError);
    expect(sim.requests.at(-1)!.tampered).toBe(true);
  });

  it('refuses an answer signed by a key other than the configured Alipay public key', async () => {
    const error = await failure(clientWith({ alipayPublicKey: stranger.publicPem }).certifyMaterial(person()));
    expect(error).toBeInstanceOf(SignatureVerificationError);
  });

  it('maps the gateway refusing our signature (wrong app private key) to 40002 isv.invalid-signature', async () => {
    const error = await failure(clientWith({ privateKey: stranger.pkcs1Pem }).certifyMaterial(person()));
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ vendor: 'zhima', code: '40002', subCode: 'isv.invalid-signature', retryable: false });
    expect((error as Error).message).toMatch(/^验签出错/);
    // The quoted signing string leaves the personal data out.
    expect((error as Error).message).not.toContain(PASSING.certNo);
  });

  it('treats the unsigned answer to an unknown app_id as unverifiable', async () => {
    const error = await failure(clientWith({ appId: '2021999999999999' }).certifyMaterial(person()));
    expect(error).toBeInstanceOf(SignatureVerificationError);
    expect((error as Error).message).toContain('app_id');
    expect(sim.requests.at(-1)!).toMatchObject({ signed: false, answer: { sub_code: 'isv.invalid-app-id' } });
  });
});

describe('ZhimaClient.certifyMaterial: vendor failures', () => {
  it.each(Object.keys(ZHIMA_BUSINESS_ERRORS) as (keyof typeof ZHIMA_BUSINESS_ERRORS)[])(
    'maps business error %s to VendorApiError 40004 with its sub_code and Chinese sub_msg',
    async (subCode) => {
      sim.failNextCertify(subCode, `模拟的${subCode}`);
      const error = await failure(clientWith().certifyMaterial(person()));
      expect(error).toBeInstanceOf(VendorApiError);
      expect(error).toMatchObject({ vendor: 'zhima', code: '40004', subCode, message: `模拟的${subCode}` });
      expect(describeZhimaError(error as VendorApiError)).toBe(ZHIMA_BUSINESS_ERRORS[subCode]);
    },
  );

  it('maps the document 异常示例 (20000 isp.unknow-error)', async () => {
    sim.failNextCertify('SERVICE_UNAVAILABLE');
    const error = await failure(clientWith().certifyMaterial(person()));
    expect(error).toMatchObject({ code: '20000', subCode: 'isp.unknow-error', message: '系统繁忙' });
    expect(describeZhimaError(error as VendorApiError)?.retryLater).toBe(true);
  });

  it('refuses a repeated transaction_id with TRANSACTION_ERROR', async () => {
    const params = person();
    await clientWith().certifyMaterial(params);
    const error = await failure(clientWith().certifyMaterial(params));
    expect(error).toMatchObject({ code: '40004', subCode: 'TRANSACTION_ERROR' });
  });

  it('gets INVALID_PARAMETER for a face that is not an image', async () => {
    const error = await failure(clientWith().certifyMaterial({ ...person(), facePicture: Buffer.from('not a photo') }));
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ code: '40004', subCode: 'INVALID_PARAMETER' });
    expect((error as Error).message).toContain('人脸照片');
  });

  it('gets ARRANGEMENT_ERROR for a product code outside the contract', async () => {
    const error = await failure(clientWith({ productCode: 'w1010100000000009999' }).certifyMaterial(person()));
    expect(error).toMatchObject({ code: '40004', subCode: 'ARRANGEMENT_ERROR' });
  });

  it('gets isv.invalid-timestamp when its clock is 20 minutes behind, and passes at 14', async () => {
    const behind = (minutes: number) => ({ now: () => Date.now() - minutes * 60_000 });
    const error = await failure(clientWith({ clock: behind(20) }).certifyMaterial(person()));
    expect(error).toMatchObject({ code: '40002', subCode: 'isv.invalid-timestamp' });
    await expect(clientWith({ clock: behind(14) }).certifyMaterial(person())).resolves.toMatchObject({
      passed: true,
    });
  });
});

describe('ZhimaClient.certifyMaterial: transport', () => {
  it('turns a 5xx into a retryable VendorApiError and does not retry by itself', async () => {
    sim.faults.failNext(1, 503);
    const before = callsNow();
    const error = await failure(clientWith().certifyMaterial(person()));
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ code: 'HTTP_503', httpStatus: 503, retryable: true });
    expect((error as VendorApiError).rawBody).toContain('injected HTTP 503');
    expect(callsNow() - before).toBe(0);
  });

  it('turns a wrong gateway path (404) into a VendorApiError that is not retryable', async () => {
    const error = await failure(clientWith({ gateway: `${sim.url}/elsewhere/gateway.do` }).certifyMaterial(person()));
    expect(error).toMatchObject({ code: 'HTTP_404', httpStatus: 404, retryable: false });
  });

  it('turns a hang into a VendorTimeoutError, without a second attempt', async () => {
    // undici (under the sdk's urllib) checks its timers about once a second: a 200 ms timeout fires at about 1 s.
    sim.faults.hangMs = 2_000;
    sim.faults.hangNext(1);
    const logged = sim.requests.length;
    const started = Date.now();
    const error = await failure(clientWith({ timeoutMs: 200 }).certifyMaterial(person()));
    expect(error).toBeInstanceOf(VendorTimeoutError);
    expect(error).toMatchObject({ vendor: 'zhima', retryable: true });
    // A retry would have met no hang and succeeded: failing before the hang ends shows there was none.
    expect(Date.now() - started).toBeLessThan(1_900);
    // The gateway still gets the one request and answers it into a closed socket.
    while (sim.requests.length === logged) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.requests.length - logged).toBe(1);
  });

  it('turns a refused connection into a VendorConnectionError', async () => {
    const error = await failure(clientWith({ gateway: 'http://127.0.0.1:1/gateway.do' }).certifyMaterial(person()));
    expect(error).toBeInstanceOf(VendorConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('turns an answer it cannot read into INVALID_RESPONSE', async () => {
    const bodies = ['<html>gateway</html>', '{"other_response":{"code":"10000"}}'];
    const server = createServer((_req, res) => res.writeHead(200).end(bodies.shift()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 2; i++) {
        const error = await failure(clientWith({ gateway }).certifyMaterial(person()));
        expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
      }
    } finally {
      server.close();
    }
  });
});

describe('ZhimaClient.certifyMaterial: checks before sending', () => {
  it.each([
    ['transactionId', { transactionId: 'has-dash' }],
    ['transactionId', { transactionId: 'A'.repeat(33) }],
    ['certName', { certName: '   ' }],
    ['certNo', { certNo: '110101199003071234' }],
    ['certNo', { certNo: makeIdNumber('110101', '20991231', 1) }],
    ['facePicture', { facePicture: '' }],
    ['facePicture', { facePicture: Buffer.alloc(160_000) }],
    ['linkedMerchantId', { linkedMerchantId: '20887216308694119' }],
  ])('refuses a bad %s without calling the gateway', async (field, change) => {
    const before = callsNow();
    const error = await failure(clientWith().certifyMaterial({ ...person(), ...change }));
    expect(error).toBeInstanceOf(ZhimaInvalidInputError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(/[\u4e00-\u9fa5]/);
    expect(callsNow()).toBe(before);
  });

  it('refuses to start with a key that is not an RSA private key', () => {
    expect(() => clientWith({ privateKey: 'not a key' })).toThrow(/privateKey/);
    expect(() => clientWith({ privateKey: app.publicPem })).toThrow(/privateKey/);
  });
});
