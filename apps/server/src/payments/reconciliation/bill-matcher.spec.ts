import type { TradeBillLine } from '@banshi/vendor-clients/wechatpay';
import { matchBill, type BookPayment, type BookRefund } from './bill-matcher.js';
import { daysUpTo, lastReadyDay, whyNotReady } from './bill-days.js';

const line = (over: Partial<TradeBillLine>): TradeBillLine => ({
  tradeTime: '2026-11-02 12:00:00',
  appid: 'wx',
  mchid: '1900000109',
  transactionId: '4200000001',
  outTradeNo: 'BS1',
  openid: 'o-payer',
  tradeState: 'SUCCESS',
  settlementFen: 14_800,
  refundId: '0',
  outRefundNo: '0',
  refundFen: 0,
  refundStatus: '',
  description: '年检代办',
  attach: '',
  feeFen: 89,
  orderFen: 14_800,
  requestedRefundFen: 0,
  ...over,
});

const payment: BookPayment = {
  orderId: 1,
  outTradeNo: 'BS1',
  amountFen: 14_800,
  paidFen: 14_800,
  status: 'partially_refunded',
  transactionId: '4200000001',
};
const refund: BookRefund = {
  orderId: 1,
  outTradeNo: 'BS1',
  outRefundNo: 'BS1RM1',
  amountFen: 4_800,
  status: 'success',
};
const refundLine = (over: Partial<TradeBillLine> = {}) =>
  line({
    tradeState: 'REFUND',
    outRefundNo: 'BS1RM1',
    refundFen: 4_800,
    refundStatus: 'SUCCESS',
    orderFen: 0,
    ...over,
  });

const run = (lines: TradeBillLine[], p: BookPayment[] = [payment], r: BookRefund[] = [refund]) =>
  matchBill(lines, new Map(p.map((x) => [x.outTradeNo, x])), new Map(r.map((x) => [x.outRefundNo, x])));

describe('matching a trade bill with our books', () => {
  it('a payment and its refund that agree are matched, and our side is summed', () => {
    const result = run([line({}), refundLine()]);
    expect(result).toMatchObject({ matched: 2, mismatches: [], ourPaidFen: 14_800, ourRefundFen: 4_800 });
    expect([...result.seenPayments, ...result.seenRefunds]).toEqual(['BS1', 'BS1RM1']);
  });

  it('names each difference of a line', () => {
    const kinds = (lines: TradeBillLine[], p?: BookPayment[], r?: BookRefund[]) =>
      run(lines, p, r).mismatches.map((m) => m.kind);
    expect(kinds([line({ outTradeNo: 'OTHER' })])).toEqual(['unknown_payment']);
    expect(kinds([line({})], [{ ...payment, status: 'paying', paidFen: 0 }])).toEqual(['not_paid_here']);
    expect(kinds([line({ orderFen: 14_700 })])).toEqual(['amount_mismatch']);
    expect(kinds([line({ transactionId: '4200000002' })])).toEqual(['transaction_mismatch']);
    expect(kinds([refundLine({ outRefundNo: 'BS1RM9' })])).toEqual(['unknown_refund']);
    expect(kinds([refundLine({ refundFen: 4_000 })])).toEqual(['amount_mismatch']);
    expect(kinds([refundLine()], undefined, [{ ...refund, status: 'processing' }])).toEqual(['refund_status_mismatch']);
    expect(kinds([refundLine({ refundStatus: 'CLOSED' })])).toEqual(['refund_status_mismatch']);
  });

  it('a refund still PROCESSING in the bill (a snapshot) but ended since is not a difference', () => {
    expect(run([refundLine({ refundStatus: 'PROCESSING' })]).mismatches).toEqual([]);
    expect(
      run([refundLine({ refundStatus: 'PROCESSING' })], undefined, [{ ...refund, status: 'closed' }]).mismatches,
    ).toEqual([]);
  });

  it('the words say what differs, in Chinese, without the payer', () => {
    const [found] = run([refundLine({ refundStatus: 'ABNORMAL' })]).mismatches;
    expect(found.detail).toBe('微信支付退款状态为退款异常，本系统为已退款');
    expect(JSON.stringify(run([line({ outTradeNo: 'X' })]).mismatches)).not.toContain('o-payer');
  });
});

describe('bill days', () => {
  it('day D is ready at 10:00 Beijing time on D+1, for three months', () => {
    expect(lastReadyDay(Date.parse('2026-11-03T09:59:59+08:00'))).toBe('2026-11-01');
    expect(lastReadyDay(Date.parse('2026-11-03T10:00:00+08:00'))).toBe('2026-11-02');
    const now = Date.parse('2026-11-03T10:00:00+08:00');
    expect(whyNotReady('2026-11-02', now)).toBeNull();
    expect(whyNotReady('2026-11-03', now)).toContain('次日 10 点后');
    expect(whyNotReady('2026-02-30', now)).toBe('日期格式应为 YYYY-MM-DD');
    expect(whyNotReady('2026-07-01', now)).toContain('三个月');
    expect(daysUpTo('2026-11-02', 3)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
  });
});
