/**
 * Money inside Banshi is an integer number of fen. Vendors send yuan as strings ("200.00", "23")
 * or as numbers (520.00, 1.5); this converts at the edge without floating-point error.
 */
export function yuanToFen(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = (typeof value === 'number' ? value.toFixed(2) : value)
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '')
    .replace(/元$/, '');
  if (text === '') return undefined;
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, minus, whole, fraction = ''] = match;
  // Round half up on the third decimal, as vendors show two.
  const cents = fraction.padEnd(3, '0');
  let fen = Number(whole) * 100 + Number(cents.slice(0, 2));
  if (Number(cents[2]) >= 5) fen += 1;
  return minus ? -fen : fen;
}

/** Fen as a yuan string with two decimals, the form vendors expect in requests ("520.00"). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
