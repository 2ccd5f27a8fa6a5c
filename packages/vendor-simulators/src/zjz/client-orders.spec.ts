import { makeIdNumber, ManualClock, VendorApiError } from '@banshi/vendor-clients';
import { ZjzClient, ZjzRequestError, type ZjzPrintParam } from '@banshi/vendor-clients/zjz';
import { ZJZ_SIM_CODES } from './codes.js';
import { startZjzSimulator, type ZjzSimulator } from './zjz-simulator.js';
import { CallbackReceiver } from './test-support/callback-receiver.js';
import { portraitJpeg } from './test-support/images.js';

const API_KEY = 'zjz-orders-key';
const ID = makeIdNumber('440305', '19900307', 123);
const PASSPORT = 31;
const PASSPORT_PARAM = { text_name: '张三', text_idcard: ID, text_mobile: '13800138000' };
const RECIPIENT: ZjzPrintParam = {
  name: '张三',
  phone: '13800138000',
  province: '广东',
  city: '深圳',
  district: '南山区',
  address: 'xx路xx小区',
};

describe('zjz client against the simulator: orders', () => {
  let portrait: Buffer;
  let receiver: CallbackReceiver;
  let clock: ManualClock;
  let sim: ZjzSimulator;
  let client: ZjzClient;

  beforeAll(async () => {
    portrait = await portraitJpeg(480, 600);
    receiver = await CallbackReceiver.start(API_KEY);
  });
  afterAll(() => receiver.close());
  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2025, 5, 16, 5, 41, 6));
    sim = await startZjzSimulator({
      apiKey: API_KEY,
      port: 0,
      clock,
      autoAdvance: false,
      callbackRetryDelaysMs: [5, 5],
    });
    client = new ZjzClient({ baseUrl: sim.url, apiKey: API_KEY, maxRetries: 0 });
  });
  afterEach(() => sim.close());

  const apiError = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );
  const makePic = async (itemId = PASSPORT) => (await client.makeReceiptPhoto({ itemId, image: portrait })).picId;
  const submit = async (overrides: Partial<Parameters<ZjzClient['submitReceipt']>[0]> = {}) =>
    client.submitReceipt({
      picId: overrides.picId ?? (await makePic()),
      noticeUrl: receiver.noticeUrl,
      param: PASSPORT_PARAM,
      ...overrides,
    });
  /** Posts straight to the simulator, for what the client refuses to send. */
  const post = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: API_KEY, ...fields }).toString(),
    });
    return (await response.json()) as { code: number; msg: string; data: Record<string, unknown> };
  };

  it('submit: answers a 20-digit order number as a string, dated in Beijing time', async () => {
    const { orderNo } = await submit();
    expect(orderNo).toMatch(/^20250616134106\d{6}$/);
    expect(sim.order(orderNo)).toMatchObject({ status: 1, itemId: PASSPORT, param: PASSPORT_PARAM, isPrint: false });
  });

  it('submit: refuses an unknown pic_id', async () => {
    const error = await apiError(submit({ picId: '123' }));
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.PIC_ID_UNKNOWN) });
  });

  it('submit: a pic_id lives 50 minutes', async () => {
    const early = await makePic();
    clock.advance(50 * 60 * 1000 - 1);
    await expect(submit({ picId: early })).resolves.toHaveProperty('orderNo');
    const late = await makePic();
    clock.advance(50 * 60 * 1000);
    const error = await apiError(submit({ picId: late }));
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.PIC_ID_EXPIRED) });
    expect((error as Error).message).toContain('已过期');
  });

  it.each([
    ['a missing field', { text_name: '张三', text_idcard: ID }, 'text_mobile'],
    ['a wrong ID number', { ...PASSPORT_PARAM, text_idcard: '440305199003071234' }, 'text_idcard'],
    ['a landline for a mobile', { ...PASSPORT_PARAM, text_mobile: '075512345678' }, 'text_mobile'],
  ])('submit: refuses %s, naming the field', async (_name, param, field) => {
    const error = await apiError(submit({ param }));
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.PARAM_INVALID) });
    expect((error as Error).message).toContain(field);
    expect(sim.orders()).toHaveLength(0);
  });

  it('submit: the client refuses printing without a complete recipient, before any request', async () => {
    const picId = await makePic();
    await expect(submit({ picId, isPrint: true })).rejects.toMatchObject({ field: 'print_param' });
    const badPhone = await apiError(submit({ picId, isPrint: true, printParam: { ...RECIPIENT, phone: '12345' } }));
    expect(badPhone).toBeInstanceOf(ZjzRequestError);
    expect(badPhone).toMatchObject({ field: 'print_param.phone' });
    expect(sim.host.callsTo('/receipt/submit')).toBe(0);
  });

  it('submit: the vendor refuses is_print=1 without print_param, or with a field missing', async () => {
    const base = { pic_id: await makePic(), notice_url: receiver.noticeUrl, param: JSON.stringify(PASSPORT_PARAM) };
    expect(await post('/receipt/submit', { ...base, is_print: '1' })).toMatchObject({
      code: ZJZ_SIM_CODES.PRINT_PARAM_INVALID,
    });
    const { district: _district, ...noDistrict } = RECIPIENT;
    const answer = await post('/receipt/submit', { ...base, is_print: '1', print_param: JSON.stringify(noDistrict) });
    expect(answer.code).toBe(ZJZ_SIM_CODES.PRINT_PARAM_INVALID);
    expect(answer.msg).toContain('district');
    expect(await post('/receipt/submit', { ...base, notice_url: 'ftp://merchant/cb' })).toMatchObject({
      code: ZJZ_SIM_CODES.NOTICE_URL_INVALID,
    });
  });

  it('submit: a print order keeps its recipient', async () => {
    const { orderNo } = await submit({ isPrint: true, printParam: RECIPIENT });
    expect(sim.order(orderNo)).toMatchObject({ isPrint: true, printParam: RECIPIENT });
  });

  it('submit: is not retried after a 5xx, since a second attempt could place a second order', async () => {
    const picId = await makePic();
    let calls = 0;
    const counting = new ZjzClient({
      baseUrl: sim.url,
      apiKey: API_KEY,
      maxRetries: 3,
      fetch: (url, init) => {
        if (url.endsWith('/receipt/submit')) calls++;
        return fetch(url, init);
      },
    });
    sim.faults.failNext(1, 503);
    const error = await apiError(
      counting.submitReceipt({ picId, noticeUrl: receiver.noticeUrl, param: PASSPORT_PARAM }),
    );
    expect(error).toMatchObject({ httpStatus: 503, retryable: true });
    expect(calls).toBe(1);
    expect(sim.orders()).toHaveLength(0);
  });

  it('cancel: works while pending and is called back with -2', async () => {
    const { orderNo } = await submit();
    await client.cancelReceipt(orderNo);
    await sim.idle();
    expect(sim.order(orderNo)?.status).toBe(-2);
    expect(receiver.statuses(orderNo)).toEqual([-2]);
    const again = await apiError(client.cancelReceipt(orderNo));
    expect(again).toMatchObject({ code: String(ZJZ_SIM_CODES.ORDER_NOT_CANCELLABLE) });
    expect((again as Error).message).toContain('已取消');
  });

  it('cancel: refused once review has started', async () => {
    const { orderNo } = await submit();
    await sim.advanceTo(orderNo, 2);
    const error = await apiError(client.cancelReceipt(orderNo));
    expect(error).toMatchObject({ code: String(ZJZ_SIM_CODES.ORDER_NOT_CANCELLABLE) });
    expect((error as Error).message).toBe('订单已开始审核，无法取消');
    expect(sim.order(orderNo)?.status).toBe(2);
  });

  it('cancel: an unknown order, and an order number that is not digits', async () => {
    await expect(client.cancelReceipt('20250101000000000000')).rejects.toMatchObject({
      code: String(ZJZ_SIM_CODES.ORDER_UNKNOWN),
    });
    await expect(client.cancelReceipt('12a')).rejects.toBeInstanceOf(ZjzRequestError);
  });

  it('resubmit: refused unless the order was rejected; then the same order goes back to pending', async () => {
    const { orderNo } = await submit();
    const early = await apiError(
      client.resubmitReceipt({ orderNo, picId: await makePic(), noticeUrl: receiver.noticeUrl, param: PASSPORT_PARAM }),
    );
    expect(early).toMatchObject({ code: String(ZJZ_SIM_CODES.ORDER_NOT_RESUBMITTABLE) });

    await sim.advanceTo(orderNo, -1, '照片模糊');
    const mismatch = await apiError(
      client.resubmitReceipt({
        orderNo,
        picId: await makePic(1),
        noticeUrl: receiver.noticeUrl,
        param: PASSPORT_PARAM,
      }),
    );
    expect(mismatch).toMatchObject({ code: String(ZJZ_SIM_CODES.PIC_ID_SPEC_MISMATCH) });

    const newPic = await makePic();
    const again = await client.resubmitReceipt({
      orderNo,
      picId: newPic,
      noticeUrl: receiver.noticeUrl,
      param: { ...PASSPORT_PARAM, text_mobile: '13900139000' },
    });
    expect(again.orderNo).toBe(orderNo);
    expect(sim.order(orderNo)).toMatchObject({
      status: 1,
      submissions: 2,
      picId: newPic,
      param: { text_mobile: '13900139000' },
    });
    expect(sim.stats()).toMatchObject({ submitted: 1, resubmitted: 1, rejected: 1 });
  });

  it('every order endpoint checks the key', async () => {
    const wrong = new ZjzClient({ baseUrl: sim.url, apiKey: 'wrong', maxRetries: 0 });
    const picId = await makePic();
    await expect(
      wrong.submitReceipt({ picId, noticeUrl: receiver.noticeUrl, param: PASSPORT_PARAM }),
    ).rejects.toMatchObject({
      code: String(ZJZ_SIM_CODES.INVALID_KEY),
    });
    await expect(wrong.cancelReceipt('20250101000000000000')).rejects.toMatchObject({
      code: String(ZJZ_SIM_CODES.INVALID_KEY),
    });
  });
});
