import { generateKeyPairSync } from 'node:crypto';
import { ManualClock, SignatureVerificationError, VendorApiError } from '@banshi/vendor-clients';
import { rsaVerify, signMessage, type JsapiPrepayParams } from '@banshi/vendor-clients/wechatpay';
import { APPID, clientFor, merchantKeys, outTradeNo, startTestSimulator } from './test-support/fixtures.js';
import type { WechatPaySimulator } from './wechatpay-simulator.js';

const NOTIFY = 'https://merchant.example.com/api/callbacks/wechatpay';

async function apiError(promise: Promise<unknown>): Promise<VendorApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof VendorApiError)) throw new Error(`expected a VendorApiError, got ${String(error)}`);
  return error;
}

describe('wechatpay client against the simulator: prepay, query, close', () => {
  let sim: WechatPaySimulator;
  const order = (extra: Partial<JsapiPrepayParams> = {}): JsapiPrepayParams => ({
    outTradeNo: outTradeNo(),
    description: '证件照回执-身份证',
    totalFen: 2500,
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    notifyUrl: NOTIFY,
    ...extra,
  });

  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  it('JSAPI下单 gives a prepay_id, and the same order again gives it back', async () => {
    const client = clientFor(sim);
    const params = order({ attach: 'order:42' });
    const { prepayId } = await client.jsapiPrepay(params);
    expect(prepayId).toMatch(/^wx\d{34}$/);
    expect((await client.jsapiPrepay(params)).prepayId).toBe(prepayId);
    expect(sim.stats().prepaid).toBe(1);
    const reuse = await apiError(client.jsapiPrepay({ ...params, totalFen: 1 }));
    expect(reuse).toMatchObject({ code: 'OUT_TRADE_NO_USED', httpStatus: 403, retryable: false });
  });

  it('wx.requestPayment parameters are signed with the merchant key over the prepay id', async () => {
    const client = clientFor(sim);
    const { prepayId } = await client.jsapiPrepay(order());
    const params = client.requestPayment(prepayId);
    expect(params.package).toBe(`prepay_id=${prepayId}`);
    const message = signMessage(APPID, params.timeStamp, params.nonceStr, params.package);
    expect(rsaVerify(message, params.paySign, merchantKeys().publicKey)).toBe(true);
  });

  it('查询订单: NOTPAY, then SUCCESS with the transaction once the user pays; ORDERPAID to a new prepay', async () => {
    const client = clientFor(sim);
    const params = order();
    await client.jsapiPrepay(params);
    expect(await client.queryByOutTradeNo(params.outTradeNo)).toMatchObject({
      trade_state: 'NOTPAY',
      out_trade_no: params.outTradeNo,
      amount: { total: 2500 },
    });
    expect(sim.pay(params.outTradeNo)).toBe('paid');
    const paid = await client.queryByOutTradeNo(params.outTradeNo);
    expect(paid).toMatchObject({
      trade_state: 'SUCCESS',
      trade_type: 'JSAPI',
      appid: APPID,
      payer: { openid: params.openid },
      amount: { total: 2500, payer_total: 2500, currency: 'CNY' },
    });
    expect(paid.transaction_id).toMatch(/^4200\d{24}$/);
    expect(paid.success_time).toMatch(/\+08:00$/);
    expect(await apiError(client.jsapiPrepay(params))).toMatchObject({ code: 'ORDERPAID', httpStatus: 403 });
    expect(await apiError(client.queryByOutTradeNo('NOSUCHORDER1'))).toMatchObject({
      code: 'ORDER_NOT_EXIST',
      httpStatus: 404,
    });
  });

  it('关闭订单: 204, then ORDER_CLOSED read as already closed; a closed order cannot be paid or prepaid', async () => {
    const client = clientFor(sim);
    const params = order();
    await client.jsapiPrepay(params);
    expect(await client.closeOrder(params.outTradeNo)).toBe('closed');
    expect(await client.closeOrder(params.outTradeNo)).toBe('already-closed');
    expect((await client.queryByOutTradeNo(params.outTradeNo)).trade_state).toBe('CLOSED');
    expect(sim.pay(params.outTradeNo)).toBe('closed');
    expect(await apiError(client.jsapiPrepay(params))).toMatchObject({ code: 'ORDER_CLOSED', httpStatus: 400 });

    const paid = order();
    await client.jsapiPrepay(paid);
    sim.pay(paid.outTradeNo);
    expect(await apiError(client.closeOrder(paid.outTradeNo))).toMatchObject({ code: 'ORDERPAID' });
  });

  it('an unpaid order past time_expire is closed by WeChat Pay itself', async () => {
    const clock = new ManualClock();
    const timed = await startTestSimulator({ clock });
    try {
      const client = clientFor(timed, { clock });
      const params = order({ timeExpire: new Date(clock.now() + 15 * 60_000) });
      await client.jsapiPrepay(params);
      clock.advance(15 * 60_000 + 1_000);
      expect((await client.queryByOutTradeNo(params.outTradeNo)).trade_state).toBe('CLOSED');
      expect(timed.pay(params.outTradeNo)).toBe('closed');
    } finally {
      await timed.close();
    }
  });

  it('PARAM_ERROR and APPID_MCHID_NOT_MATCH come back as WeChat Pay says them', async () => {
    expect(await apiError(clientFor(sim, { appid: 'wx0000000000000000' }).jsapiPrepay(order()))).toMatchObject({
      code: 'APPID_MCHID_NOT_MATCH',
      httpStatus: 400,
    });
    // The client refuses what it can see is wrong before sending it.
    await expect(clientFor(sim).jsapiPrepay(order({ totalFen: 0 }))).rejects.toThrow(/amount.total/);
    await expect(clientFor(sim).jsapiPrepay(order({ notifyUrl: `${NOTIFY}?x=1` }))).rejects.toThrow(/notify_url/);
  });

  it('SIGN_ERROR for another merchant key, a wrong certificate serial and a stale request timestamp', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(await apiError(clientFor(sim, { merchantPrivateKey: stranger }).jsapiPrepay(order()))).toMatchObject({
      code: 'SIGN_ERROR',
      httpStatus: 401,
    });
    expect(await apiError(clientFor(sim, { merchantSerialNo: 'ABC' }).queryByOutTradeNo('BS000001'))).toMatchObject({
      code: 'SIGN_ERROR',
    });
    const late = new ManualClock(Date.now() - 6 * 60_000);
    // The answer to a refused request is unsigned, so the client's own (late) clock does not matter.
    expect(await apiError(clientFor(sim, { clock: late }).queryByOutTradeNo('BS000001'))).toMatchObject({
      code: 'SIGN_ERROR',
    });
  });

  it('answers are verified: a changed body, another key id or an old answer is refused', async () => {
    const params = order();
    await clientFor(sim).jsapiPrepay(params);
    const tamper: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const text = (await response.text()).replace('NOTPAY', 'SUCCESS');
      return new Response(text, { status: response.status, headers: response.headers });
    };
    await expect(clientFor(sim, { fetch: tamper }).queryByOutTradeNo(params.outTradeNo)).rejects.toBeInstanceOf(
      SignatureVerificationError,
    );
    await expect(
      clientFor(sim, { platformPublicKeyId: 'PUB_KEY_ID_SOMEONE_ELSE' }).queryByOutTradeNo(params.outTradeNo),
    ).rejects.toThrow(/configured WeChat Pay public key/);
    const unsigned: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('Wechatpay-Signature');
      return new Response(await response.text(), { status: response.status, headers });
    };
    await expect(clientFor(sim, { fetch: unsigned }).queryByOutTradeNo(params.outTradeNo)).rejects.toBeInstanceOf(
      SignatureVerificationError,
    );
    // A genuine answer replayed six minutes later.
    let recorded: { text: string; status: number; headers: Headers } | undefined;
    const recorder: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      recorded = { text: await response.text(), status: response.status, headers: response.headers };
      return new Response(recorded.text, recorded);
    };
    await clientFor(sim, { fetch: recorder }).queryByOutTradeNo(params.outTradeNo);
    const replay: typeof fetch = async () => new Response(recorded?.text, recorded);
    const later = new ManualClock(Date.now() + 6 * 60_000);
    await expect(clientFor(sim, { fetch: replay, clock: later }).queryByOutTradeNo(params.outTradeNo)).rejects.toThrow(
      /too old/,
    );
  });
});
