import { ManualClock, md5Hex, SignatureVerificationError } from '../core/index.js';
import { buildSignedQuery, signRequest, signUrl, sortQueryForSigning, verifySignedQuery } from './signing.js';

const GOLDEN_BODY = '{"data":"顺便测试中文乱码"}';
const GOLDEN_SIGN = 'FD946BC73EED770270114B1118CD8ACB';

describe('docloud signing (《签名规则》)', () => {
  it('reproduces the document golden vector', () => {
    expect(signRequest('TEST', 'TEST', 'app_key=TEST&timestamp=1472182371254', GOLDEN_BODY)).toBe(GOLDEN_SIGN);
  });

  it('builds the golden query from parameters, a millisecond clock and the body', () => {
    const query = buildSignedQuery({}, 'TEST', 'TEST', GOLDEN_BODY, new ManualClock(1472182371254));
    expect(query).toBe(`app_key=TEST&timestamp=1472182371254&sign=${GOLDEN_SIGN}`);
    expect(() => verifySignedQuery(query, GOLDEN_BODY, 'TEST', 'TEST')).not.toThrow();
  });

  it('reverses by code point, so characters outside the BMP stay whole', () => {
    const body = '{"note":"𠮷野家"}';
    const byUnits = md5Hex(Buffer.from(`TESTTESTa=1${body}`.split('').reverse().join(''), 'utf8')).toUpperCase();
    const byPoints = md5Hex(Buffer.from([...`TESTTESTa=1${body}`].reverse().join(''), 'utf8')).toUpperCase();
    expect(byPoints).not.toBe(byUnits);
    expect(signRequest('TEST', 'TEST', 'a=1', body)).toBe(byPoints);
  });

  it('sorts by key only, stably, and leaves sign out', () => {
    expect(sortQueryForSigning('name=jack&city=1&citz=3')).toBe('city=1&citz=3&name=jack');
    expect(sortQueryForSigning('b=2&sign=XYZ&a=9&a=1')).toBe('a=9&a=1&b=2');
  });

  // The Java sample (SignUtil) is the reference: `url.split("&")` keeps empty pairs except trailing
  // ones, and `StringUtils.isNotBlank(requestBody)` leaves out a body of only whitespace.
  const bySample = (query: string, body = '') =>
    md5Hex(Buffer.from([...`TESTTEST${query}${body}`].reverse().join(''), 'utf8')).toUpperCase();

  it('keeps an empty pair where the sample keeps it: in the middle, not at the end', () => {
    expect(sortQueryForSigning('b=2&&a=1')).toBe('&a=1&b=2');
    expect(sortQueryForSigning('a=1&b=2&')).toBe('a=1&b=2');
    expect(sortQueryForSigning('a=1&&b=2&sign=X')).toBe('&a=1&b=2');
    // A sign appended to a query that ended in "&" leaves that empty pair trailing, as it was signed.
    expect(sortQueryForSigning('a=1&&sign=X')).toBe('a=1');
    const query = 'a=1&&b=2&app_key=TEST&timestamp=1';
    const sign = bySample('&a=1&app_key=TEST&b=2&timestamp=1');
    expect(() => verifySignedQuery(`${query}&sign=${sign}`, '', 'TEST', 'TEST')).not.toThrow();
  });

  it.each([' ', '\n', ' \t\r\n ', '\u3000'])(
    'treats a body of only whitespace (%j) as blank, as the sample does',
    (body) => {
      expect(signRequest('TEST', 'TEST', 'a=1', body)).toBe(bySample('a=1'));
      expect(signRequest('TEST', 'TEST', 'a=1', ` ${GOLDEN_BODY} `)).toBe(bySample('a=1', ` ${GOLDEN_BODY} `));
    },
  );

  it('signs a body of a no-break space as content: Java does not count it as whitespace', () => {
    expect(signRequest('TEST', 'TEST', 'a=1', '\u00a0')).toBe(bySample('a=1', '\u00a0'));
  });

  it('signs parameters in their encoded form, as sent', () => {
    const clock = new ManualClock(1_700_000_000_000);
    const query = buildSignedQuery({ city: '杭州市', orderId: 12 }, 'K', 'S', '', clock);
    expect(
      query.startsWith('app_key=K&city=%E6%9D%AD%E5%B7%9E%E5%B8%82&orderId=12&timestamp=1700000000000&sign='),
    ).toBe(true);
    expect(() => verifySignedQuery(query, '', 'K', 'S')).not.toThrow();
  });

  it.each([
    ['a forged sign', (q: string) => q.replace(/sign=\w+/, 'sign=0222A1A6CBB75EE48F3746CC17982127'), 'does not match'],
    ['a changed parameter', (q: string) => q.replace('orderId=12', 'orderId=13'), 'does not match'],
    ['another app_key', (q: string) => q.replace('app_key=K', 'app_key=OTHER'), 'not ours'],
    ['no sign', (q: string) => q.replace(/&sign=\w+/, ''), 'sign is missing'],
    ['no timestamp', (q: string) => q.replace(/&timestamp=\d+/, ''), 'timestamp is missing'],
  ])('verifySignedQuery refuses %s', (_name, tamper, message) => {
    const query = buildSignedQuery({ orderId: 12 }, 'K', 'S', '{"a":1}', new ManualClock(1));
    const error = (() => {
      try {
        verifySignedQuery(tamper(query), '{"a":1}', 'K', 'S');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SignatureVerificationError);
    expect((error as Error).message).toContain(message);
  });

  it('refuses a body that differs from the signed one by a single character', () => {
    const query = buildSignedQuery({}, 'K', 'S', '{"a":1}', new ManualClock(1));
    expect(() => verifySignedQuery(query, '{"a":2}', 'K', 'S')).toThrow(SignatureVerificationError);
    expect(() => verifySignedQuery(query, '{"a":1}', 'K', 'wrong-secret')).toThrow(SignatureVerificationError);
  });

  it('signs a callback URL together with the query it already has', () => {
    const url = signUrl('http://partner.test/cb?channel=banshi', 'K', 'S', '{}', new ManualClock(5));
    const query = url.slice(url.indexOf('?') + 1);
    expect(query).toMatch(/^app_key=K&channel=banshi&timestamp=5&sign=[0-9A-F]{32}$/);
    expect(() => verifySignedQuery(query, '{}', 'K', 'S')).not.toThrow();
  });
});
