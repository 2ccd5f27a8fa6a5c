import sharp from 'sharp';
import { makeIdNumber } from '@banshi/vendor-clients';
import { ZjzClient, type ZjzPrintParam, type ZjzSubmitParams } from '@banshi/vendor-clients/zjz';
import { startZjzSimulator, type ZjzSimulator } from './zjz-simulator.js';
import { CallbackReceiver } from './test-support/callback-receiver.js';
import { portraitJpeg } from './test-support/images.js';
import { readQrCode } from './test-support/qr.js';

const API_KEY = 'zjz-lifecycle-key';
const ID = makeIdNumber('440305', '19900307', 123);
const PARAM = { text_name: '张三', text_idcard: ID, text_mobile: '13800138000' };
const RECIPIENT: ZjzPrintParam = {
  name: '张三',
  phone: '13800138000',
  province: '广东',
  city: '深圳',
  district: '南山区',
  address: 'xx路xx小区',
};

describe('zjz simulator lifecycle, with callbacks to a merchant endpoint', () => {
  let portrait: Buffer;
  let receiver: CallbackReceiver;
  let sim: ZjzSimulator;
  let client: ZjzClient;

  beforeAll(async () => {
    portrait = await portraitJpeg(480, 600);
  });
  beforeEach(async () => {
    receiver = await CallbackReceiver.start(API_KEY);
    sim = await startZjzSimulator({
      apiKey: API_KEY,
      port: 0,
      reviewDelayMs: 5,
      completeDelayMs: 5,
      shipDelayMs: 5,
      callbackRetryDelaysMs: [5, 10, 10],
    });
    client = new ZjzClient({ baseUrl: sim.url, apiKey: API_KEY, maxRetries: 0 });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  const place = async (itemId = 31, extra: Partial<ZjzSubmitParams> = {}) => {
    const { picId } = await client.makeReceiptPhoto({ itemId, image: portrait });
    return (await client.submitReceipt({ picId, noticeUrl: receiver.noticeUrl, param: PARAM, ...extra })).orderNo;
  };
  const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

  it('done: reviewing then done, with a receipt carrying its number in a QR code', async () => {
    const orderNo = await place();
    expect(sim.order(orderNo)?.status).toBe(1);
    await sim.idle();

    expect(receiver.statuses(orderNo)).toEqual([2, 3]);
    expect(receiver.received.every((call) => call.contentType.includes('x-www-form-urlencoded'))).toBe(true);
    expect(receiver.received.every((call) => receiver.noticeUrl.endsWith(call.path))).toBe(true);
    const done = receiver.events(orderNo)[1];
    if (done.kind !== 'done') throw new Error('expected a done event');
    expect(done.image).toBeUndefined();
    expect(done.imagePrint).toBeUndefined();
    const order = sim.order(orderNo);
    expect(order?.receiptNo).toMatch(/^\d{17}$/);
    const receipt = await download(done.imageReceipt);
    expect(await sharp(receipt).metadata()).toMatchObject({ format: 'jpeg', width: 900, height: 560 });
    // The QR code sits in the bottom-right corner; reading only there keeps the test fast.
    expect(await readQrCode(receipt, { left: 600, top: 260, width: 300, height: 300 })).toBe(order?.receiptNo);
    expect(sim.stats()).toMatchObject({ submitted: 1, done: 1, chargedFen: 700 });
    expect(sim.callbacksFor(orderNo).every((delivery) => delivery.acknowledged && delivery.attempts === 1)).toBe(true);
  });

  it('print: done with a print layout, then shipped with logistics', async () => {
    const orderNo = await place(32, { isPrint: true, printParam: RECIPIENT });
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([2, 3, 4]);
    const [, done, shipped] = receiver.events(orderNo);
    if (done.kind !== 'done' || shipped.kind !== 'shipped') throw new Error('expected done then shipped');
    const layout = await sharp(await download(done.imagePrint as string)).metadata();
    expect(layout).toMatchObject({ width: 1795, height: 1205, density: 300 });
    expect(shipped.logisticsInfo.expressName).toMatch(/韵达|顺丰|中通|EMS/);
    expect(shipped.logisticsInfo).toEqual(sim.order(orderNo)?.logistics);
    expect(sim.stats()).toMatchObject({ done: 1, shipped: 1, chargedFen: 1400 });
  });

  it('rejected, resubmitted with a new photo, then done', async () => {
    sim.rejectNext('照片背景不合格，请重新拍摄');
    const orderNo = await place();
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([2, -1]);
    expect(receiver.events(orderNo)[1]).toMatchObject({ kind: 'rejected', rejectMsg: '照片背景不合格，请重新拍摄' });
    expect(sim.stats()).toMatchObject({ rejected: 1, chargedFen: 0 });

    const { picId } = await client.makeReceiptPhoto({ itemId: 31, image: portrait });
    await client.resubmitReceipt({ orderNo, picId, noticeUrl: receiver.noticeUrl, param: PARAM });
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([2, -1, 2, 3]);
    expect(sim.order(orderNo)?.history.map((entry) => entry.status)).toEqual([1, 2, -1, 1, 2, 3]);
  });

  it('rejects the orders whose param matches a rule, and only those', async () => {
    sim.rejectWhen({ text_name: '李四' }, '姓名与证件不符');
    const rejected = await place(31, { param: { ...PARAM, text_name: '李四' } });
    const passed = await place();
    await sim.idle();
    expect(sim.order(rejected)).toMatchObject({ status: -1, rejectMsg: '姓名与证件不符' });
    expect(sim.order(passed)?.status).toBe(3);
  });

  it('repeats every callback when asked; the merchant sees duplicates', async () => {
    sim.scenario.callbackRepeat = 1;
    const orderNo = await place();
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([2, 2, 3, 3]);
  });

  it('sends the reviewing callback late, after the done one', async () => {
    sim.outOfOrderNext();
    const orderNo = await place();
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([3, 2]);
    expect(sim.order(orderNo)?.status).toBe(3);
  });

  it('retries a callback until the merchant answers code 0, keeping the order of statuses', async () => {
    receiver.answer = (_call, index) =>
      index < 2
        ? { status: 200, body: '{"code":1,"msg":"busy"}' }
        : { status: 200, body: '{"data":{},"code":0,"msg":"同步完成"}' };
    const orderNo = await place();
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([2, 2, 2, 3]);
    const [reviewing, done] = sim.callbacksFor(orderNo);
    expect(reviewing).toMatchObject({ attempts: 3, acknowledged: true });
    expect(done).toMatchObject({ attempts: 1, acknowledged: true });
  });

  it('gives up after the retries when the merchant never acknowledges', async () => {
    receiver.answer = () => ({ status: 500, body: 'oops' });
    const orderNo = await place();
    await sim.idle();
    const deliveries = sim.callbacksFor(orderNo);
    expect(deliveries.map((delivery) => delivery.attempts)).toEqual([4, 4]);
    expect(deliveries.some((delivery) => delivery.acknowledged)).toBe(false);
  });

  it('can call back in JSON, with an adjusted photo', async () => {
    sim.scenario.callbackFormat = 'json';
    sim.adjustPhotoNext();
    const orderNo = await place();
    await sim.idle();
    expect(receiver.received[0].contentType).toContain('application/json');
    const done = receiver.events(orderNo)[1];
    if (done.kind !== 'done') throw new Error('expected a done event');
    expect(await sharp(await download(done.image as string)).metadata()).toMatchObject({ width: 390, height: 567 });
  });

  it('holds an order for step-by-step control, and refuses impossible steps', async () => {
    sim.holdNext();
    const orderNo = await place(31, { isPrint: true, printParam: RECIPIENT });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await sim.idle();
    expect(sim.order(orderNo)).toMatchObject({ status: 1, manual: true });
    expect(receiver.statuses(orderNo)).toEqual([]);

    await sim.advanceTo(orderNo, 2);
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([2]);
    await expect(sim.advanceTo(orderNo, -2)).rejects.toThrow('cannot go');

    await sim.release(orderNo);
    await sim.waitForStatus(orderNo, 4);
    await sim.idle();
    expect(receiver.statuses(orderNo)).toEqual([2, 3, 4]);
  });

  it('takes the delays from the scenario', async () => {
    sim.scenario.reviewDelayMs = 80;
    const orderNo = await place();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sim.order(orderNo)?.status).toBe(1);
    await sim.waitForStatus(orderNo, 3, 2_000);
  });
});
