import { generateKeyPairSync } from 'node:crypto';
import { SignatureVerificationError, VendorError } from '../core/index.js';
import {
  ALIPAY_GATEWAY_CODES,
  describeZhimaError,
  ZHIMA_BUSINESS_ERROR_CODES,
  ZHIMA_BUSINESS_ERRORS,
} from './error-codes.js';
import { preparePrivateKey, publicKeyBody, toRsaPublicKey, ZhimaKeyError } from './keys.js';
import { mapSdkError } from './sdk-errors.js';
import { requestSigningString } from './gateway-signature.js';
import { makeAppKeys } from './test-support/fixtures.js';
import { formatAlipayTimestamp, parseAlipayTimestamp } from './timestamp.js';
import { isValidTransactionId, makeTransactionId } from './transaction-id.js';

const keys = makeAppKeys();

describe('keys', () => {
  it.each([
    ['PKCS1 PEM', () => keys.pkcs1Pem, 'PKCS1', () => keys.pkcs1Body],
    ['PKCS8 PEM', () => keys.pkcs8Pem, 'PKCS8', () => keys.pkcs8Body],
    ['bare PKCS1 body', () => keys.pkcs1Body, 'PKCS1', () => keys.pkcs1Body],
    ['bare PKCS8 body', () => keys.pkcs8Body, 'PKCS8', () => keys.pkcs8Body],
    ['PKCS8 body broken over lines', () => keys.pkcs8Body.replace(/(.{64})/g, '$1\n'), 'PKCS8', () => keys.pkcs8Body],
  ])('detects a %s', (_label, input, keyType, body) => {
    expect(preparePrivateKey(input())).toMatchObject({ keyType, body: body() });
  });

  it('refuses what is not an unencrypted RSA private key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => preparePrivateKey(ec.toString())).toThrow(ZhimaKeyError);
    expect(() => preparePrivateKey(keys.publicPem)).toThrow(/PUBLIC KEY/);
    expect(() => preparePrivateKey('c2VjcmV0')).toThrow(/PKCS1 or PKCS8/);
    expect(() => preparePrivateKey('**')).toThrow(/neither PEM nor base64/);
  });

  it('reads the Alipay public key as SPKI PEM, PKCS1 PEM or a bare body', () => {
    const pkcs1Pem = toRsaPublicKey(keys.publicPem).export({ type: 'pkcs1', format: 'pem' }).toString();
    for (const input of [keys.publicPem, keys.publicBody, pkcs1Pem]) expect(publicKeyBody(input)).toBe(keys.publicBody);
    expect(() => toRsaPublicKey(keys.pkcs8Pem)).toThrow(/expected a public key/);
  });
});

describe('timestamp', () => {
  it('formats in Beijing time, as Intl does for Asia/Shanghai', () => {
    const at = Date.UTC(2024, 11, 31, 16, 5, 9);
    expect(formatAlipayTimestamp(at)).toBe('2025-01-01 00:05:09');
    const intl = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'medium',
    }).format(at);
    expect(formatAlipayTimestamp(at)).toBe(intl);
  });

  it('parses its own format back and refuses other shapes and impossible dates', () => {
    const at = Date.UTC(2016, 9, 25, 15, 23, 0);
    expect(parseAlipayTimestamp(formatAlipayTimestamp(at))).toBe(at);
    expect(parseAlipayTimestamp('2024-02-30 10:00:00')).toBeUndefined();
    expect(parseAlipayTimestamp('2024-02-03T10:00:00')).toBeUndefined();
    expect(parseAlipayTimestamp('1700000000')).toBeUndefined();
  });
});

describe('transaction_id', () => {
  it('makes unique 32-character ids of letters and digits with a Beijing date', () => {
    const at = Date.UTC(2016, 9, 25, 15, 23, 0);
    const ids = new Set(Array.from({ length: 200 }, () => makeTransactionId('ZGYD', at)));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^ZGYD20161025232300[0-9A-F]{14}$/);
      expect(isValidTransactionId(id)).toBe(true);
    }
  });

  it('validates the document rule', () => {
    expect(isValidTransactionId('ZGYD201610252323000001234')).toBe(true);
    expect(isValidTransactionId('with_underscore_1')).toBe(true);
    for (const bad of ['', 'A'.repeat(33), 'has-dash', '有中文', 'sp ace'])
      expect(isValidTransactionId(bad)).toBe(false);
    expect(() => makeTransactionId('TOO_LONG_PREFIX')).toThrow(RangeError);
  });
});

describe('error dictionary', () => {
  it('covers the six business codes of the document with Chinese meaning and what to do', () => {
    expect(ZHIMA_BUSINESS_ERROR_CODES.sort()).toEqual(
      [
        'ARRANGEMENT_ERROR',
        'BIZ_ERROR',
        'INVALID_PARAMETER',
        'SYSTEM_ERROR',
        'TRANSACTION_ERROR',
        'UNSUPPORTED_BIZ_CODE',
      ].sort(),
    );
    for (const info of Object.values(ZHIMA_BUSINESS_ERRORS)) {
      expect(info.meaning).toMatch(/[\u4e00-\u9fa5]/);
      expect(info.whatToDo).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('describes by sub_code first, then by gateway code', () => {
    expect(describeZhimaError({ code: '40004', subCode: 'SYSTEM_ERROR' })).toBe(ZHIMA_BUSINESS_ERRORS.SYSTEM_ERROR);
    expect(describeZhimaError({ code: '40002', subCode: 'isv.invalid-signature' })).toBe(ALIPAY_GATEWAY_CODES['40002']);
    expect(describeZhimaError({ code: '99999' })).toBeUndefined();
  });
});

describe('mapSdkError fallbacks', () => {
  it('keeps an unknown failure a VendorError without pretending to know its class', () => {
    const mapped = mapSdkError(new RangeError('boom'), 1000);
    expect(mapped).toBeInstanceOf(VendorError);
    expect(mapped.constructor).toBe(VendorError);
    expect(mapped.cause).toBeInstanceOf(RangeError);
  });

  it('reads a missing signature (node:crypto ERR_INVALID_ARG_TYPE) as unverifiable', () => {
    const error = Object.assign(new TypeError('The "signature" argument must be of type string'), {
      code: 'ERR_INVALID_ARG_TYPE',
    });
    expect(mapSdkError(error, 1000)).toBeInstanceOf(SignatureVerificationError);
  });
});

describe('request signing string (gateway side)', () => {
  it('drops sign and empty values, sorts keys, keeps values unencoded', () => {
    expect(
      requestSigningString({
        timestamp: '2014-07-24 03:07:50',
        app_id: '2014072300007148',
        sign: 'x',
        app_auth_token: '',
        biz_content: '{"a":"收委&b=1"}',
        sign_type: 'RSA2',
      }),
    ).toBe('app_id=2014072300007148&biz_content={"a":"收委&b=1"}&sign_type=RSA2&timestamp=2014-07-24 03:07:50');
  });
});
