import { ManualClock, VendorApiError } from '@banshi/vendor-clients';
import { type WechatPayClient, beijingDate } from '@banshi/vendor-clients/wechatpay';
import { clientFor, outTradeNo, startTestSimulator } from './test-support/fixtures.js';
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

async function paidOrder(client: WechatPayClient, sim: WechatPaySimulator, totalFen = 3000): Promise<string> {
  const no = outTradeNo();
  await client.jsapiPrepay({ outTradeNo: no, description: '违章代缴', totalFen, openid: 'oPayer', notifyUrl: NOTIFY });
  sim.pay(no);
  return no;
}

describe('wechatpay client against the simulator: refunds', () => {
  let sim: WechatPaySimulator;
  let client: WechatPayClient;

  beforeAll(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
  });
  afterAll(() => sim.close());

  it('申请退款: PROCESSING, then SUCCESS; the order turns REFUND; the same request gives the same refund', async () => {
    const no = await paidOrder(client, sim);
    const request = {
      outTradeNo: no,
      outRefundNo: `${no}R1`,
      refundFen: 1000,
      totalFen: 3000,
      reason: '部分违章未能代缴',
    };
    const accepted = await client.refund(request);
    expect(accepted).toMatchObject({ status: 'PROCESSING', amount: { refund: 1000, total: 3000, currency: 'CNY' } });
    expect(accepted.refund_id).toMatch(/^50\d{27}$/);
    expect((await client.refund(request)).refund_id).toBe(accepted.refund_id);
    expect(await apiError(client.refund({ ...request, refundFen: 999 }))).toMatchObject({
      code: 'INVALID_REQUEST',
      httpStatus: 400,
    });
    await sim.idle();
    expect(await client.queryRefund(`${no}R1`)).toMatchObject({
      status: 'SUCCESS',
      user_received_account: '支付用户零钱',
    });
    expect((await client.queryByOutTradeNo(no)).trade_state).toBe('REFUND');
    expect(sim.stats().refundedFen).toBe(1000);
  });

  it('never more than was paid, the total must be the order total, and an unpaid order has nothing to refund', async () => {
    const no = await paidOrder(client, sim);
    await client.refund({ outTradeNo: no, outRefundNo: `${no}A`, refundFen: 2000, totalFen: 3000 });
    expect(
      await apiError(client.refund({ outTradeNo: no, outRefundNo: `${no}B`, refundFen: 1001, totalFen: 3000 })),
    ).toMatchObject({
      code: 'INVALID_REQUEST',
      message: '申请退款金额超过订单可退金额',
    });
    expect(
      await apiError(client.refund({ outTradeNo: no, outRefundNo: `${no}C`, refundFen: 1, totalFen: 2999 })),
    ).toMatchObject({
      code: 'PARAM_ERROR',
    });
    const unpaid = outTradeNo();
    await client.jsapiPrepay({ outTradeNo: unpaid, description: 'x', totalFen: 100, openid: 'o', notifyUrl: NOTIFY });
    expect(
      await apiError(client.refund({ outTradeNo: unpaid, outRefundNo: `${unpaid}R`, refundFen: 1, totalFen: 100 })),
    ).toMatchObject({
      code: 'INVALID_REQUEST',
    });
    expect(
      await apiError(client.refund({ outTradeNo: 'NOSUCHORDER', outRefundNo: 'R1', refundFen: 1, totalFen: 1 })),
    ).toMatchObject({
      code: 'RESOURCE_NOT_EXISTS',
      httpStatus: 404,
    });
    expect(await apiError(client.queryRefund('NOSUCHREFUND'))).toMatchObject({ code: 'RESOURCE_NOT_EXISTS' });
    await expect(
      client.refund({ outTradeNo: no, outRefundNo: `${no}D`, refundFen: 4000, totalFen: 3000 }),
    ).rejects.toThrow(/cannot exceed/);
  });

  it('NOT_ENOUGH, and refunds that end ABNORMAL or CLOSED (a closed refund frees its amount again)', async () => {
    const no = await paidOrder(client, sim);
    sim.scenario.notEnoughNext();
    expect(
      await apiError(client.refund({ outTradeNo: no, outRefundNo: `${no}N`, refundFen: 3000, totalFen: 3000 })),
    ).toMatchObject({
      code: 'NOT_ENOUGH',
      httpStatus: 403,
    });
    sim.scenario.abnormalRefundNext();
    await client.refund({ outTradeNo: no, outRefundNo: `${no}X`, refundFen: 1000, totalFen: 3000 });
    sim.scenario.closedRefundNext();
    await client.refund({ outTradeNo: no, outRefundNo: `${no}Y`, refundFen: 2000, totalFen: 3000 });
    await sim.idle();
    expect((await client.queryRefund(`${no}X`)).status).toBe('ABNORMAL');
    expect((await client.queryRefund(`${no}Y`)).status).toBe('CLOSED');
    expect(
      (await client.refund({ outTradeNo: no, outRefundNo: `${no}Z`, refundFen: 2000, totalFen: 3000 })).status,
    ).toBe('PROCESSING');
  });
});

describe('wechatpay client against the simulator: trade bill', () => {
  it('申请交易账单 and its download: yesterday’s payments and refunds, checked by SHA1', async () => {
    const clock = new ManualClock(Date.parse('2026-12-03T02:00:00Z'));
    const sim = await startTestSimulator({ clock });
    try {
      const client = clientFor(sim, { clock });
      const first = await paidOrder(client, sim, 2500);
      const second = await paidOrder(client, sim, 10_000);
      await client.refund({ outTradeNo: second, outRefundNo: `${second}R`, refundFen: 4000, totalFen: 10_000 });
      await sim.idle();
      expect(await apiError(client.applyTradeBill('2026-12-03'))).toMatchObject({ code: 'STATEMENT_CREATING' });

      clock.advance(24 * 3_600_000);
      const bill = await client.fetchTradeBill('2026-12-03');
      expect(bill.lines.map((line) => [line.outTradeNo, line.tradeState, line.settlementFen, line.refundFen])).toEqual([
        [first, 'SUCCESS', 2500, 0],
        [second, 'SUCCESS', 10_000, 0],
        [second, 'REFUND', 0, 4000],
      ]);
      expect(bill.lines[2]).toMatchObject({ outRefundNo: `${second}R`, refundStatus: 'SUCCESS' });
      expect(bill.summary).toMatchObject({ count: 3, settlementFen: 12_500, refundFen: 4000, orderFen: 12_500 });
      expect(beijingDate(clock.now())).toBe('2026-12-04');
      expect((await client.fetchTradeBill('2026-12-03', 'REFUND')).lines).toHaveLength(1);
      expect(await apiError(client.applyTradeBill('2026-12-01'))).toMatchObject({ code: 'NO_STATEMENT_EXIST' });

      const corrupt: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).includes('/v3/billdownload/')) return response;
        return new Response((await response.text()).replace('`100.00,', '`10.00,'), response);
      };
      const ticket = await client.applyTradeBill('2026-12-03');
      await expect(clientFor(sim, { clock, fetch: corrupt }).downloadTradeBill(ticket)).rejects.toMatchObject({
        code: 'BILL_HASH_MISMATCH',
      });
      clock.advance(5 * 60_000 + 1);
      expect(await apiError(client.downloadTradeBill(ticket))).toMatchObject({ code: 'INVALID_REQUEST' });
    } finally {
      await sim.close();
    }
  });

  it('a day’s bill is ready at 10:00 Beijing time the next day, and is a snapshot of that moment', async () => {
    // 2026-12-10 15:00 Beijing.
    const clock = new ManualClock(Date.parse('2026-12-10T07:00:00Z'));
    const sim = await startTestSimulator({ clock });
    try {
      const client = clientFor(sim, { clock });
      sim.scenario.autoCompleteRefunds = false;
      const no = await paidOrder(client, sim, 5000);
      await client.refund({ outTradeNo: no, outRefundNo: `${no}R`, refundFen: 5000, totalFen: 5000 });

      clock.set(Date.parse('2026-12-11T01:59:59Z')); // 09:59:59 the next day
      expect(await apiError(client.applyTradeBill('2026-12-10'))).toMatchObject({ code: 'STATEMENT_CREATING' });
      clock.set(Date.parse('2026-12-11T02:00:00Z')); // 10:00
      const refundLine = async () => (await client.fetchTradeBill('2026-12-10')).lines[1];
      expect(await refundLine()).toMatchObject({
        outRefundNo: `${no}R`,
        tradeState: 'REFUND',
        refundStatus: 'PROCESSING',
      });

      sim.completeRefund(`${no}R`, 'SUCCESS');
      await sim.idle();
      expect((await client.queryRefund(`${no}R`)).status).toBe('SUCCESS');
      expect((await refundLine()).refundStatus).toBe('PROCESSING');
      expect(sim.stats().bills).toBe(2);
    } finally {
      await sim.close();
    }
  });
});
