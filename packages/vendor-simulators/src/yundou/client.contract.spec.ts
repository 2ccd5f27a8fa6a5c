import { ManualClock, VendorApiError, type FetchLike } from '@banshi/vendor-clients';
import { CallbackInbox } from './test-support/callback-inbox.js';
import {
  isOidReusedMessage,
  YundouClient,
  YUNDOU_MAX_IMAGE_BYTES,
  YUNDOU_PATHS,
  BillImageInvalidError,
  BillImageTooLargeError,
  yundouSignature,
} from '@banshi/vendor-clients/yundou';
import { sampleBill } from './sample-bills.js';
import { renderBillImage } from './bill-generator.js';
import { YUNDOU_SIM_MESSAGES } from './messages.js';
import { startYundouSimulator, type YundouSimulator } from './yundou-simulator.js';

const COMPANY = '20931';
const API_KEY = 'bX9k2LqP7wY3';

let sim: YundouSimulator;
let inbox: CallbackInbox;
let image: Buffer;
let oidCounter = 0;
const nextOid = () => `up-${Date.now()}-${++oidCounter}`;

beforeAll(async () => {
  inbox = await CallbackInbox.start();
  image = await renderBillImage(sampleBill('parking'));
});
afterAll(() => inbox.close());

beforeEach(async () => {
  sim = await startYundouSimulator({
    companyId: COMPANY,
    apiKey: API_KEY,
    recognitionDelayMs: 0,
    callbackRetryDelaysMs: [10],
  });
});
afterEach(async () => {
  await sim.idle();
  await sim.close();
});

const client = (overrides: Partial<ConstructorParameters<typeof YundouClient>[0]> = {}) =>
  new YundouClient({ baseUrl: sim.url, companyId: COMPANY, apiKey: API_KEY, maxRetries: 2, ...overrides });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('YundouClient.uploadBill / uploadQr against the simulator', () => {
  it('uploadBill: sends the signed headers, both oid spellings and a form body, and returns the vendor id', async () => {
    const sent: RequestInit[] = [];
    const spy: FetchLike = (url, init) => {
      sent.push(init ?? {});
      return fetch(url, init);
    };
    const oid = nextOid();
    const callbackUrl = inbox.callbackUrl('tok-1');
    const result = await client({ fetch: spy }).uploadBill({ oid, callbackUrl, image });

    expect(result).toEqual({ status: 'accepted', oid, vendorId: '1001', message: '上传成功' });
    const headers = sent[0].headers as Record<string, string>;
    expect(headers['x-cid']).toBe(COMPANY);
    expect(headers['x-oid']).toBe(oid);
    expect(headers.oid).toBe(oid);
    expect(headers['c-url']).toBe(callbackUrl);
    expect(headers.t).toMatch(/^\d{10}$/);
    expect(headers['x-signature']).toBe(
      yundouSignature({ apiKey: API_KEY, api: '/api/bill/upload', companyId: COMPANY, timestamp: headers.t }),
    );
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(String(sent[0].body)).get('image')).toBe(image.toString('base64'));
    expect(sim.uploads.get(oid)).toMatchObject({ kind: 'bill', id: 1001, imageBytes: image.length });
  });

  it('uploadQr: signs with the QR path and is accepted', async () => {
    const oid = nextOid();
    const result = await client().uploadQr({
      oid,
      callbackUrl: inbox.callbackUrl('tok-2'),
      image: image.toString('base64'),
    });
    expect(result).toMatchObject({ status: 'accepted', vendorId: '1001' });
    expect(sim.uploads.get(oid)?.kind).toBe('qr');
    expect(sim.host.callsTo(YUNDOU_PATHS.uploadQr)).toBe(1);
  });

  it('accepts a millisecond timestamp when the client is set to send one', async () => {
    const result = await client({ timestampUnit: 'milliseconds' }).uploadBill({
      oid: nextOid(),
      callbackUrl: inbox.callbackUrl('ms'),
      image,
    });
    expect(result.status).toBe('accepted');
  });

  it.each([
    ['a wrong api key', { apiKey: 'wrong-key' }, YUNDOU_SIM_MESSAGES.badSignature],
    ['an unknown company id', { companyId: '99999' }, YUNDOU_SIM_MESSAGES.unknownCompany],
    [
      'a timestamp ten minutes old',
      { clock: new ManualClock(Date.now() - 10 * 60_000) },
      YUNDOU_SIM_MESSAGES.staleTimestamp,
    ],
  ])('refuses %s with a VendorApiError carrying code 1 and the message', async (_name, overrides, message) => {
    const error = await failure(
      client(overrides).uploadBill({ oid: nextOid(), callbackUrl: inbox.callbackUrl('x'), image }),
    );
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ vendor: 'yundou', code: '1', message, httpStatus: 200, retryable: false });
    expect(sim.uploads.size).toBe(0);
  });

  it('reused oid: a second upload with the same oid is reported as already accepted, not as an error', async () => {
    const oid = nextOid();
    const request = { oid, callbackUrl: inbox.callbackUrl('dup'), image };
    expect((await client().uploadBill(request)).status).toBe('accepted');
    const again = await client().uploadBill(request);
    expect(again).toEqual({ status: 'already_accepted', oid, message: YUNDOU_SIM_MESSAGES.oidReused });
    expect(sim.uploads.size).toBe(1);
    await sim.idle();
    expect(sim.callbacks.deliveries).toHaveLength(1);
  });

  it('reused oid: a retry after the first answer was lost ends as already accepted, with one upload', async () => {
    let attempts = 0;
    const losesFirstAnswer: FetchLike = async (url, init) => {
      const response = await fetch(url, init);
      if (++attempts === 1) {
        await response.text();
        throw new TypeError('fetch failed: socket hang up');
      }
      return response;
    };
    const oid = nextOid();
    const result = await client({ fetch: losesFirstAnswer }).uploadBill({
      oid,
      callbackUrl: inbox.callbackUrl('lost'),
      image,
    });
    expect(result.status).toBe('already_accepted');
    expect(attempts).toBe(2);
    expect(sim.uploads.size).toBe(1);
  });

  it('retries an upload after a 5xx (the oid makes it safe) and gives up with a retryable error', async () => {
    sim.faults.failNext(1);
    const ok = await client().uploadBill({ oid: nextOid(), callbackUrl: inbox.callbackUrl('5xx'), image });
    expect(ok.status).toBe('accepted');
    expect(sim.host.callsTo(YUNDOU_PATHS.uploadBill)).toBe(1);

    sim.faults.failNext(3);
    const error = await failure(
      client({ maxRetries: 1 }).uploadBill({ oid: nextOid(), callbackUrl: inbox.callbackUrl('5xx'), image }),
    );
    expect(error).toMatchObject({ code: 'HTTP_503', retryable: true });
  });

  it('refuses an image over 2 MB before sending anything', async () => {
    const big = Buffer.alloc(YUNDOU_MAX_IMAGE_BYTES + 1, 0xff);
    const error = await failure(
      client().uploadBill({ oid: nextOid(), callbackUrl: inbox.callbackUrl('big'), image: big }),
    );
    expect(error).toBeInstanceOf(BillImageTooLargeError);
    expect(error).toMatchObject({ sizeBytes: YUNDOU_MAX_IMAGE_BYTES + 1, maxBytes: YUNDOU_MAX_IMAGE_BYTES });
    expect((error as Error).message).toContain('超过');
    expect(sim.host.requestLog).toHaveLength(0);
  });

  it('sends an image of exactly 2 MB (the limit is inclusive)', async () => {
    const limit = Buffer.alloc(YUNDOU_MAX_IMAGE_BYTES, 0xff);
    const result = await client().uploadBill({ oid: nextOid(), callbackUrl: inbox.callbackUrl('limit'), image: limit });
    expect(result.status).toBe('accepted');
  });

  it('refuses invalid base64 and an empty image before sending anything', async () => {
    const request = { oid: nextOid(), callbackUrl: inbox.callbackUrl('b64') };
    await expect(client().uploadBill({ ...request, image: 'not base64!' })).rejects.toBeInstanceOf(
      BillImageInvalidError,
    );
    await expect(client().uploadBill({ ...request, image: '' })).rejects.toBeInstanceOf(BillImageInvalidError);
    await expect(client().uploadBill({ ...request, image: new Uint8Array() })).rejects.toBeInstanceOf(
      BillImageInvalidError,
    );
    expect(sim.host.requestLog).toHaveLength(0);
  });

  it('refuses an oid that cannot travel in a header and a callback URL that is not http(s)', async () => {
    await expect(
      client().uploadBill({ oid: '发票 1', callbackUrl: inbox.callbackUrl('x'), image }),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(client().uploadBill({ oid: nextOid(), callbackUrl: 'ftp://x/y', image })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(client().uploadBill({ oid: nextOid(), callbackUrl: '/relative', image })).rejects.toBeInstanceOf(
      RangeError,
    );
  });

  it('turns an answer that is not JSON, or a success without id, into INVALID_RESPONSE', async () => {
    const answering =
      (text: string): FetchLike =>
      async () =>
        new Response(text, { status: 200 });
    const request = { oid: nextOid(), callbackUrl: inbox.callbackUrl('x'), image };
    await expect(client({ fetch: answering('<html>502</html>') }).uploadBill(request)).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
    });
    await expect(
      client({ fetch: answering('{"code":0,"message":"ok","data":[]}') }).uploadBill(request),
    ).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
    });
    await expect(client({ fetch: answering('{"message":"?"}') }).uploadBill(request)).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
    });
  });

  it('tells the reused-oid refusal from other refusals', () => {
    expect(isOidReusedMessage(YUNDOU_SIM_MESSAGES.oidReused)).toBe(true);
    expect(isOidReusedMessage('数据已上传')).toBe(true);
    for (const message of Object.values(YUNDOU_SIM_MESSAGES).filter((m) => m !== YUNDOU_SIM_MESSAGES.oidReused)) {
      expect(isOidReusedMessage(message)).toBe(false);
    }
  });
});
