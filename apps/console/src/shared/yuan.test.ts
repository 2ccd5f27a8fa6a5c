import { fenToYuanText, MAX_PRICE_FEN, parsePrice, parseRefundAmount, parseYuan, yuanToFen } from './yuan';

describe('yuan ↔ fen', () => {
  it('reads what a person types, exactly, and writes fen back for editing', () => {
    expect(parseYuan('148')).toEqual({ fen: 14_800 });
    expect(parseYuan(' 0.29 ')).toEqual({ fen: 29 });
    expect(parseYuan('¥1234.5')).toEqual({ fen: 123_450 });
    expect(yuanToFen('19.99')).toBe(1999);
    expect(fenToYuanText(14_800)).toBe('148.00');
    expect(fenToYuanText(29)).toBe('0.29');
    expect(fenToYuanText(5)).toBe('0.05');
    for (const fen of [0, 1, 29, 1999, 14_800, 999_999]) expect(parseYuan(fenToYuanText(fen))).toEqual({ fen });
  });

  it('refuses what is not an amount, in Chinese', () => {
    expect(parseYuan('')).toEqual({ error: '请输入金额' });
    expect(parseYuan(undefined)).toEqual({ error: '请输入金额' });
    for (const text of ['1.234', '-5', 'abc', '1e3', '12.', '.5', '12345678', '1,5']) {
      expect(parseYuan(text).error).toBe('请输入正确的金额（元），最多两位小数');
    }
  });
});

describe('the refund amount', () => {
  it('is more than 0 and at most what is left to refund', () => {
    expect(parseRefundAmount('100.00', 10_000)).toEqual({ fen: 10_000 });
    expect(parseRefundAmount('48', 10_000)).toEqual({ fen: 4_800 });
    expect(parseRefundAmount('0.01', 10_000)).toEqual({ fen: 1 });
    expect(parseRefundAmount('0', 10_000)).toEqual({ error: '退款金额须大于 0' });
    expect(parseRefundAmount('100.01', 10_000)).toEqual({ error: '退款金额不能超过可退金额 ¥100.00' });
    expect(parseRefundAmount('1', 0)).toEqual({ error: '退款金额不能超过可退金额 ¥0.00' });
    expect(parseRefundAmount('x', 10_000).error).toBe('请输入正确的金额（元），最多两位小数');
  });
});

describe('a price', () => {
  it('is 0 (free) up to ¥10000', () => {
    expect(parsePrice('0')).toEqual({ fen: 0 });
    expect(parsePrice('128.5')).toEqual({ fen: 12_850 });
    expect(parsePrice('10000')).toEqual({ fen: MAX_PRICE_FEN });
    expect(parsePrice('10000.01')).toEqual({ error: '价格不能超过 ¥10000.00' });
    expect(parsePrice('').error).toBe('请输入金额');
  });
});
