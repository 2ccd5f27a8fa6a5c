import { constantTimeEqual, md5Hex, SignatureVerificationError, systemClock, type Clock } from '../core/index.js';

const VENDOR = 'docloud';

/**
 * 《签名规则》: `UpperCase(md5Hex(reverse(app_key + app_secret + sortedQuery + requestBody)))`.
 * The reversal is by Unicode code point, as Java's `StringBuilder.reverse` does, so that Chinese
 * text in the body survives it; reversing UTF-16 units would split surrogate pairs.
 */
export function signRequest(appKey: string, appSecret: string, sortedQuery: string, body = ''): string {
  // The sample adds the body only `if (StringUtils.isNotBlank(requestBody))`.
  const signedBody = isJavaBlank(body) ? '' : body;
  const reversed = [...`${appKey}${appSecret}${sortedQuery}${signedBody}`].reverse().join('');
  return md5Hex(Buffer.from(reversed, 'utf8')).toUpperCase();
}

/**
 * Sorts `k=v` pairs by key the way the vendor's Java sample does (a stable sort comparing only the
 * part before `=`), dropping `sign`. Pairs stay exactly as sent: the signature covers the encoded text.
 * Empty pairs are kept as the sample's `url.split("&")` keeps them (`a=1&&b=2` has one, which sorts
 * first), except trailing ones, which Java's split drops. The sign is appended to a query the vendor
 * had already signed, so the pairs left before it are trimmed as that query's split trimmed them.
 */
export function sortQueryForSigning(rawQuery: string): string {
  const pairs = rawQuery.split('&').filter((pair) => pairKey(pair) !== 'sign');
  while (pairs.length > 1 && pairs[pairs.length - 1] === '') pairs.pop();
  return pairs
    .map((pair, index) => ({ pair, key: pairKey(pair), index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ pair }) => pair)
    .join('&');
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/**
 * Builds the full query of a request: the endpoint's own parameters plus `app_key` and a
 * millisecond `timestamp`, sorted, then `sign` over that and the body exactly as it will be sent.
 */
export function buildSignedQuery(
  params: QueryParams,
  appKey: string,
  appSecret: string,
  body = '',
  clock: Clock = systemClock,
): string {
  const pairs = Object.entries({ ...params, app_key: appKey, timestamp: clock.now() })
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  const sorted = sortQueryForSigning(pairs);
  return `${sorted}&sign=${signRequest(appKey, appSecret, sorted, body)}`;
}

/** Appends `app_key`, `timestamp` and `sign` to a URL that may already carry a query (callback URLs). */
export function signUrl(
  url: string,
  appKey: string,
  appSecret: string,
  body: string,
  clock: Clock = systemClock,
): string {
  const at = url.indexOf('?');
  const base = at < 0 ? url : url.slice(0, at);
  const own = at < 0 ? '' : url.slice(at + 1);
  const added = `app_key=${encodeURIComponent(appKey)}&timestamp=${clock.now()}`;
  const sorted = sortQueryForSigning(own ? `${own}&${added}` : added);
  return `${base}?${sorted}&sign=${signRequest(appKey, appSecret, sorted, body)}`;
}

/**
 * Checks a signed query (a request reaching the simulator, or a callback reaching Banshi).
 * `app_key` must be ours and `sign` must match; throws `SignatureVerificationError` otherwise.
 * The comparison is constant-time so a forger learns nothing from how fast a guess fails.
 */
export function verifySignedQuery(rawQuery: string, body: string, appKey: string, appSecret: string): void {
  const params = new URLSearchParams(rawQuery);
  const given = params.get('app_key');
  if (given === null || given === '') throw new SignatureVerificationError(VENDOR, 'app_key is missing');
  if (!constantTimeEqual(given, appKey)) throw new SignatureVerificationError(VENDOR, 'app_key is not ours');
  const sign = params.get('sign');
  if (!sign) throw new SignatureVerificationError(VENDOR, 'sign is missing');
  if (!params.get('timestamp')) throw new SignatureVerificationError(VENDOR, 'timestamp is missing');
  const expected = signRequest(appKey, appSecret, sortQueryForSigning(rawQuery), body);
  if (!constantTimeEqual(sign.toUpperCase(), expected)) {
    throw new SignatureVerificationError(VENDOR, 'sign does not match the query and body');
  }
}

function pairKey(pair: string): string {
  const at = pair.indexOf('=');
  return at < 0 ? pair : pair.slice(0, at);
}

/**
 * Apache Commons' `StringUtils.isBlank`: empty, or every UTF-16 unit `Character.isWhitespace`, which
 * is the Unicode space, line and paragraph separators except the no-break ones (U+00A0, U+2007,
 * U+202F), plus \t \n \u000B \f \r and \u001C–\u001F. JavaScript's `trim` differs (it strips
 * U+00A0 and U+FEFF), so it is not used here.
 */
export function isJavaBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!JAVA_WHITESPACE.has(text.charCodeAt(i))) return false;
  return true;
}

const JAVA_WHITESPACE: ReadonlySet<number> = new Set([
  0x09,
  0x0a,
  0x0b,
  0x0c,
  0x0d,
  0x1c,
  0x1d,
  0x1e,
  0x1f,
  0x20,
  0x1680,
  ...Array.from({ length: 11 }, (_, i) => 0x2000 + i).filter((unit) => unit !== 0x2007),
  0x2028,
  0x2029,
  0x205f,
  0x3000,
]);
