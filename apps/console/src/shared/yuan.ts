/**
 * Money typed by a person, in yuan, turned into fen exactly (strings, never floating point: 0.29
 * is 29 fen, not 28.999…). Every money form of the console (filters, refunds, prices) reads
 * amounts through here, so they accept and refuse the same things.
 */
export const YUAN_PATTERN = /^\d{1,7}(\.\d{1,2})?$/;

/** `12.5` yuan → 1250 fen; the text must match `YUAN_PATTERN`. */
export function yuanToFen(yuan: string): number {
  const [whole, fraction = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 1250 fen → `12.50`, as a form shows it for editing (no ¥). */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type ParsedYuan = { fen: number; error?: undefined } | { fen?: undefined; error: string };

/**
 * A typed amount (spaces and a leading ¥ allowed), or why it is not one. Commas are refused, not
 * dropped: `1,5` may mean 1.5 as well as 15.
 */
export function parseYuan(text: string | null | undefined): ParsedYuan {
  const cleaned = (text ?? '').trim().replace(/^[¥￥]\s*/, '');
  if (cleaned === '') return { error: '请输入金额' };
  if (!YUAN_PATTERN.test(cleaned)) return { error: '请输入正确的金额（元），最多两位小数' };
  return { fen: yuanToFen(cleaned) };
}

/** A refund of an order: more than 0 and at most what is left to refund. */
export function parseRefundAmount(text: string | null | undefined, refundableFen: number): ParsedYuan {
  const parsed = parseYuan(text);
  if (parsed.error !== undefined) return parsed;
  if (parsed.fen <= 0) return { error: '退款金额须大于 0' };
  if (parsed.fen > refundableFen) return { error: `退款金额不能超过可退金额 ¥${fenToYuanText(refundableFen)}` };
  return parsed;
}

/** ¥10,000, as the server's `MAX_PRICE_FEN`: above it a price is a typing mistake. */
export const MAX_PRICE_FEN = 1_000_000;

/** A service's price: 0 (free) up to ¥10,000. */
export function parsePrice(text: string | null | undefined): ParsedYuan {
  const parsed = parseYuan(text);
  if (parsed.error !== undefined) return parsed;
  if (parsed.fen > MAX_PRICE_FEN) return { error: `价格不能超过 ¥${fenToYuanText(MAX_PRICE_FEN)}` };
  return parsed;
}

/** An antd form rule from a parser: the field's message is the parser's own. */
export function yuanRule(parse: (text: string) => ParsedYuan) {
  return {
    validator: async (_rule: unknown, value: string | undefined) => {
      const parsed = parse(value ?? '');
      if (parsed.error !== undefined) throw new Error(parsed.error);
    },
  };
}
