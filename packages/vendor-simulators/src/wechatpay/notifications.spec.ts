import { generateKeyPairSync } from 'node:crypto';
import { ManualClock, SignatureVerificationError } from '@banshi/vendor-clients';
import {
  encryptResource,
  WECHATPAY_NOTIFY_RETRY_SCHEDULE_MS,
  WECHATPAY_NOTIFY_SUCCESS,
  isWechatpayNotifyAcknowledged,
  wechatpayNotifyFailure,
  type WechatPayClient,
  verifyWechatPayNotification,
  signedWechatpayHeaders,
} from '@banshi/vendor-clients/wechatpay';
import {
  API_V3_KEY,
  clientFor,
  MCHID,
  notificationKeys,
  outTradeNo,
  platformKeys,
  PUB_KEY_ID,
  startTestSimulator,
} from './test-support/fixtures.js';
import type { WechatPaySimulator } from './wechatpay-simulator.js';
import { NotifyReceiver } from './test-support/notify-receiver.js';

describe('wechatpay notifications: simulator → verifier round trip', () => {
  let sim: WechatPaySimulator;
  let client: WechatPayClient;
  let receiver: NotifyReceiver;

  beforeEach(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    receiver = await NotifyReceiver.start(notificationKeys());
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  const prepay = async (totalFen = 1800) => {
    const no = outTradeNo();
    await client.jsapiPrepay({
      outTradeNo: no,
      description: '年检代办服务费',
      totalFen,
      openid: 'oPayer',
      notifyUrl: receiver.notifyUrl,
    });
    return no;
  };

  it('TRANSACTION.SUCCESS then REFUND.SUCCESS, decrypted into typed events', async () => {
    const no = await prepay();
    sim.pay(no);
    await sim.idle();
    await client.refund({ outTradeNo: no, outRefundNo: `${no}R`, refundFen: 1800, totalFen: 1800 });
    await sim.idle();
    expect(receiver.received.every((call) => call.error === undefined)).toBe(true);
    const [paid, refunded] = receiver.events();
    expect(paid).toMatchObject({
      kind: 'transaction',
      eventType: 'TRANSACTION.SUCCESS',
      outTradeNo: no,
      totalFen: 1800,
      payerTotalFen: 1800,
      openid: 'oPayer',
      summary: '支付成功',
    });
    expect(paid.kind === 'transaction' && paid.transactionId).toBe(sim.transaction(no)?.transaction_id);
    expect(refunded).toMatchObject({
      kind: 'refund',
      eventType: 'REFUND.SUCCESS',
      outRefundNo: `${no}R`,
      refundFen: 1800,
      status: 'SUCCESS',
    });
    const envelope = JSON.parse(receiver.received[0].body) as {
      resource_type: string;
      resource: { original_type: string };
    };
    expect(envelope).toMatchObject({ resource_type: 'encrypt-resource', resource: { original_type: 'transaction' } });
  });

  it('REFUND.ABNORMAL and REFUND.CLOSED', async () => {
    const no = await prepay(3000);
    sim.pay(no);
    sim.scenario.abnormalRefundNext();
    sim.scenario.closedRefundNext();
    await client.refund({ outTradeNo: no, outRefundNo: `${no}A`, refundFen: 1000, totalFen: 3000 });
    await client.refund({ outTradeNo: no, outRefundNo: `${no}C`, refundFen: 1000, totalFen: 3000 });
    await sim.idle();
    expect(receiver.eventTypes(no).sort()).toEqual(['REFUND.ABNORMAL', 'REFUND.CLOSED', 'TRANSACTION.SUCCESS']);
  });

  it('a non-2xx answer is retried, each attempt signed anew; the 2xx answer stops it', async () => {
    receiver.answer = (call, index) => (index < 2 ? wechatpayNotifyFailure('处理中', 500) : WECHATPAY_NOTIFY_SUCCESS);
    const no = await prepay();
    sim.pay(no);
    await sim.idle();
    const [delivery] = sim.notificationsFor(no);
    expect(delivery.delivery).toMatchObject({ attempts: 3, acknowledged: true });
    expect(receiver.received.map((call) => call.event?.id)).toEqual(Array(3).fill(delivery.envelope.id));
    expect(new Set(receiver.received.map((call) => call.headers['wechatpay-nonce'])).size).toBe(3);
  });

  it('a receiver that never acknowledges gets the whole schedule, then WeChat Pay gives up', async () => {
    receiver.answer = () => wechatpayNotifyFailure();
    const no = await prepay();
    sim.pay(no);
    await sim.idle();
    expect(receiver.received).toHaveLength(4);
    expect(sim.notificationsFor(no)[0].delivery?.acknowledged).toBe(false);
  });

  it('the retry schedule is the document’s, compressed by the time scale', async () => {
    const scaled = await startTestSimulator({ timeScale: 0.001, callbackRetryDelaysMs: undefined });
    try {
      expect(scaled.callbacks.retryDelaysMs).toEqual(WECHATPAY_NOTIFY_RETRY_SCHEDULE_MS.map((ms) => ms * 0.001));
      expect(WECHATPAY_NOTIFY_RETRY_SCHEDULE_MS.reduce((sum, ms) => sum + ms, 0)).toBe((24 * 60 + 4) * 60_000);
    } finally {
      await scaled.close();
    }
  });

  it('a lost payment notification leaves only the query to tell', async () => {
    sim.scenario.loseNotificationNext(1, 'transaction');
    const no = await prepay();
    sim.pay(no);
    await sim.idle();
    expect(receiver.received).toHaveLength(0);
    expect((await client.queryByOutTradeNo(no)).trade_state).toBe('SUCCESS');
  });

  it('repeated and out-of-order notifications', async () => {
    sim.scenario.repeatNotificationNext();
    const repeated = await prepay();
    sim.pay(repeated);
    await sim.idle();
    expect(receiver.eventTypes(repeated)).toEqual([
      'TRANSACTION.SUCCESS',
      'TRANSACTION.SUCCESS',
      'TRANSACTION.SUCCESS',
    ]);
    expect(new Set(receiver.events().map((event) => event.id)).size).toBe(1);

    sim.scenario.outOfOrderNext();
    sim.scenario.outOfOrderHoldMs = 60_000;
    const late = await prepay();
    sim.pay(late);
    await sim.callbacks.idle();
    expect(sim.notificationsFor(late)[0].delivery).toBeUndefined();
    await client.refund({ outTradeNo: late, outRefundNo: `${late}R`, refundFen: 1800, totalFen: 1800 });
    await sim.idle();
    expect(receiver.eventTypes(late)).toEqual(['REFUND.SUCCESS', 'TRANSACTION.SUCCESS']);

    // With nothing to overtake it, the held notification is late, not lost.
    sim.scenario.outOfOrderNext();
    sim.scenario.outOfOrderHoldMs = 20;
    const alone = await prepay();
    sim.pay(alone);
    await sim.idle();
    expect(receiver.eventTypes(alone)).toEqual(['TRANSACTION.SUCCESS']);
  });
});

describe('verifyWechatPayNotification', () => {
  const resource = {
    mchid: MCHID,
    out_trade_no: 'BS0001',
    transaction_id: '4200000001',
    trade_state: 'SUCCESS',
    amount: { total: 100 },
  };
  const envelope = (plain: object = resource, key = API_V3_KEY) =>
    JSON.stringify({
      id: 'EV-1',
      create_time: '2026-12-04T10:00:00+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: encryptResource(JSON.stringify(plain), key, 'transaction'),
    });
  const signed = (body: string, privateKey = platformKeys().privateKey, clock?: ManualClock) => ({
    headers: Object.fromEntries(
      Object.entries(signedWechatpayHeaders(body, privateKey, PUB_KEY_ID, clock)).map(([k, v]) => [k.toLowerCase(), v]),
    ),
    rawBody: Buffer.from(body, 'utf8'),
  });

  it('verifies and decrypts a genuine one', () => {
    expect(verifyWechatPayNotification(signed(envelope()), notificationKeys())).toMatchObject({
      id: 'EV-1',
      outTradeNo: 'BS0001',
    });
  });

  it('throws SignatureVerificationError for a forged signature, a foreign APIv3 key, a replay or another merchant', () => {
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(() => verifyWechatPayNotification(signed(envelope(), forger), notificationKeys())).toThrow(
      SignatureVerificationError,
    );
    expect(() => verifyWechatPayNotification(signed(envelope(resource, 'z'.repeat(32))), notificationKeys())).toThrow(
      SignatureVerificationError,
    );
    const old = new ManualClock(Date.now() - 10 * 60_000);
    expect(() => verifyWechatPayNotification(signed(envelope(), undefined, old), notificationKeys())).toThrow(
      /too old/,
    );
    expect(() =>
      verifyWechatPayNotification(signed(envelope({ ...resource, mchid: '1230000109' })), notificationKeys()),
    ).toThrow(SignatureVerificationError);
    const genuine = signed(envelope());
    expect(() =>
      verifyWechatPayNotification(
        { ...genuine, rawBody: genuine.rawBody.toString().replace('EV-1', 'EV-2') },
        notificationKeys(),
      ),
    ).toThrow(SignatureVerificationError);
  });

  it('the answers the document gives: 204 (or 200) without a body for success, 4xx/5xx with FAIL otherwise', () => {
    expect(WECHATPAY_NOTIFY_SUCCESS).toEqual({ status: 204, body: '' });
    expect(wechatpayNotifyFailure()).toEqual({ status: 500, body: '{"code":"FAIL","message":"失败"}' });
    expect([200, 204, 202, 500].map(isWechatpayNotifyAcknowledged)).toEqual([true, true, false, false]);
  });
});
