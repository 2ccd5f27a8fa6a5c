import { VendorApiError, VendorTimeoutError } from '@banshi/vendor-clients';
import { WechatPayClient, WECHATPAY_PATHS } from '@banshi/vendor-clients/wechatpay';
import { clientFor, notificationKeys, outTradeNo, startTestSimulator } from './test-support/fixtures.js';
import { withResult } from './cashier.js';
import { startWechatPaySimulator, type WechatPaySimulator } from './wechatpay-simulator.js';
import { NotifyReceiver } from './test-support/notify-receiver.js';

const NOTIFY = 'https://merchant.example.com/api/callbacks/wechatpay';
const order = (no = outTradeNo()) => ({
  outTradeNo: no,
  description: '票据识别',
  totalFen: 300,
  openid: 'oPayer',
  notifyUrl: NOTIFY,
});

describe('wechatpay simulator fault knobs', () => {
  let sim: WechatPaySimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
    sim.faults.hangMs = 1_000;
  });
  afterEach(() => sim.faults.reset());
  afterAll(() => sim.close());

  it('a lost prepay answer: the order exists, and the retry with the same out_trade_no gets the same prepay_id', async () => {
    const params = order();
    sim.faults.loseNextAnswer(1, 'fail', WECHATPAY_PATHS.jsapi);
    const once = await clientFor(sim, { maxRetries: 0 })
      .jsapiPrepay(params)
      .catch((error: unknown) => error);
    expect(once).toBeInstanceOf(VendorApiError);
    expect((once as VendorApiError).retryable).toBe(true);
    expect(sim.transaction(params.outTradeNo)?.trade_state).toBe('NOTPAY');

    const again = order();
    sim.faults.loseNextAnswer(1, 'fail', WECHATPAY_PATHS.jsapi);
    const before = sim.stats().prepaid;
    const { prepayId } = await clientFor(sim, { maxRetries: 1 }).jsapiPrepay(again);
    expect(prepayId).toMatch(/^wx/);
    expect(sim.stats().prepaid).toBe(before + 1);
  });

  it('a lost refund answer: the retry gets the same refund, money goes back once', async () => {
    const params = order();
    const client = clientFor(sim, { maxRetries: 2 });
    await client.jsapiPrepay(params);
    sim.pay(params.outTradeNo);
    sim.faults.loseNextAnswer(1, 'fail', WECHATPAY_PATHS.refunds);
    const refund = await client.refund({
      outTradeNo: params.outTradeNo,
      outRefundNo: `${params.outTradeNo}R`,
      refundFen: 300,
      totalFen: 300,
    });
    await sim.idle();
    expect(refund.amount.refund).toBe(300);
    expect(sim.refund(`${params.outTradeNo}R`)?.status).toBe('SUCCESS');
    expect(sim.faults.injected.lost).toBeGreaterThan(0);
    expect(sim.stats().refundedFen).toBe(300);
  });

  it('5xx before anything is done, and a hang past the client timeout', async () => {
    const params = order();
    sim.faults.failNext(1, 502);
    await expect(clientFor(sim).jsapiPrepay(params)).rejects.toMatchObject({ code: 'HTTP_502', retryable: true });
    expect(sim.transaction(params.outTradeNo)).toBeUndefined();
    sim.faults.hangNext(1);
    await expect(clientFor(sim, { timeoutMs: 200 }).queryByOutTradeNo(params.outTradeNo)).rejects.toBeInstanceOf(
      VendorTimeoutError,
    );
  });
});

describe('wechatpay sandbox cashier', () => {
  let sim: WechatPaySimulator;
  let receiver: NotifyReceiver;

  beforeAll(async () => {
    sim = await startTestSimulator();
    receiver = await NotifyReceiver.start(notificationKeys());
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  const submit = (prepayId: string, returnUrl: string, action: string) =>
    fetch(`${sim.url}/sandbox/cashier/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prepay_id: prepayId, return_url: returnUrl, action }).toString(),
    });

  it('shows amount and description; 确认支付 pays, notifies and returns to the app', async () => {
    const params = { ...order(), description: '证件照回执<打印>', totalFen: 2350, notifyUrl: receiver.notifyUrl };
    const { prepayId } = await clientFor(sim).jsapiPrepay(params);
    const returnUrl = 'http://127.0.0.1:3000/#/pages/pay/result?orderId=7';
    const page = await (await fetch(sim.cashierUrl(prepayId, returnUrl))).text();
    expect(page).toContain('¥23.50');
    expect(page).toContain('证件照回执&lt;打印&gt;');
    expect(page).toContain('确认支付');
    expect(page).toContain('取消');

    const answer = await submit(prepayId, returnUrl, 'pay');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${returnUrl}&wechatpay_result=ok`);
    await sim.idle();
    expect(receiver.eventTypes(params.outTradeNo)).toEqual(['TRANSACTION.SUCCESS']);
    expect(await (await fetch(sim.cashierUrl(prepayId, returnUrl))).text()).toContain('该订单已支付');
  });

  it('取消 leaves the order unpaid; a closed order cannot be paid here', async () => {
    const params = order();
    const client = clientFor(sim);
    const { prepayId } = await client.jsapiPrepay(params);
    const cancelled = await submit(prepayId, 'http://127.0.0.1:3000/pay-return', 'cancel');
    expect(cancelled.headers.get('location')).toBe('http://127.0.0.1:3000/pay-return?wechatpay_result=cancel');
    expect(sim.transaction(params.outTradeNo)?.trade_state).toBe('NOTPAY');
    expect(sim.cancellations(params.outTradeNo)).toBe(1);
    await client.closeOrder(params.outTradeNo);
    expect(await (await fetch(sim.cashierUrl(prepayId, 'http://x.test/'))).text()).toContain('该订单已关闭');
    expect((await submit(prepayId, 'http://x.test/', 'pay')).headers.get('location')).toBe(
      'http://x.test/?wechatpay_result=closed',
    );
    expect((await fetch(sim.cashierUrl(prepayId, 'javascript:alert(1)'))).status).toBe(400);
  });

  it('withResult keeps hash routes', () => {
    expect(withResult('http://h/#/p?a=1', 'ok')).toBe('http://h/#/p?a=1&wechatpay_result=ok');
    expect(withResult('http://h/#/p', 'cancel')).toBe('http://h/#/p?wechatpay_result=cancel');
    expect(withResult('http://h/r?x=1', 'ok')).toBe('http://h/r?x=1&wechatpay_result=ok');
  });
});

describe('wechatpay simulator in sandbox mode', () => {
  it('starts with nothing but a port and hands out working credentials', async () => {
    const sim = await startWechatPaySimulator({ port: 0, refundDelayMs: 5 });
    const credentials = sim.credentials();
    const receiver = await NotifyReceiver.start({ ...credentials, mchid: credentials.mchid });
    try {
      const client = new WechatPayClient({ baseUrl: sim.url, ...credentials, maxRetries: 0 });
      const no = outTradeNo('SB');
      const { prepayId } = await client.jsapiPrepay({ ...order(no), notifyUrl: receiver.notifyUrl });
      const answer = await fetch(`${sim.url}/sandbox/cashier/submit`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          prepay_id: prepayId,
          return_url: 'http://127.0.0.1:3000/',
          action: 'pay',
        }).toString(),
      });
      expect(answer.status).toBe(303);
      await sim.idle();
      expect((await client.queryByOutTradeNo(no)).trade_state).toBe('SUCCESS');
      expect(receiver.eventTypes(no)).toEqual(['TRANSACTION.SUCCESS']);
    } finally {
      await sim.close();
      await receiver.close();
    }
  });

  it('a simulator given the merchant key does not hand one out', async () => {
    const sim = await startTestSimulator();
    try {
      expect(() => sim.credentials()).toThrow(/given/);
    } finally {
      await sim.close();
    }
  });
});
