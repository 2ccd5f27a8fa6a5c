import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import { ManualClock, SignatureVerificationError } from '../core/index.js';
import { decryptResource, encryptResource } from './aead.js';
import { formatTradeBill, parseTradeBill, type TradeBillRecord, TRADE_BILL_COLUMNS } from './bill.js';
import {
  buildAuthorization,
  buildRequestPayment,
  parseAuthorization,
  rsaSign,
  signedWechatpayHeaders,
  signMessage,
  verifyWechatpaySignature,
} from './signing.js';
import { API_V3_KEY, merchantKeys, platformKeys, PUB_KEY_ID } from './test-support/keys.js';

// Checked against two implementations we did not write: the wechatpay-axios-plugin package (its
// Formatter builds the signed messages, Rsa/Aes sign and decrypt), and the openssl command line the
// 小程序调起支付 document itself uses to show how paySign is made.

const BODY = '{"appid":"wx8888888888888888","mchid":"1900000109","amount":{"total":1}}';

function opensslSign(message: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wxpay-'));
  try {
    const keyFile = join(dir, 'apiclient_key.pem');
    writeFileSync(keyFile, merchantKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const signature = execFileSync('openssl', ['dgst', '-sha256', '-sign', keyFile], { input: message });
    return execFileSync('openssl', ['base64', '-A'], { input: signature }).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('wechatpay signing against independent implementations', () => {
  it('Authorization: the same signature as wechatpay-axios-plugin over the same request', () => {
    const header = buildAuthorization({
      mchid: '1900000109',
      serialNo: 'SERIAL01',
      privateKey: merchantKeys().privateKey,
      method: 'post',
      url: '/v3/pay/transactions/jsapi',
      body: BODY,
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    const theirs = Rsa.sign(
      Formatter.request('POST', '/v3/pay/transactions/jsapi', 1554208460, '593BEC0C930BF1AFEB40B4A08C8FB242', BODY),
      merchantKeys().privateKey,
    );
    const parsed = parseAuthorization(header);
    expect(parsed).toEqual({
      mchid: '1900000109',
      nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242',
      signature: theirs,
      timestamp: '1554208460',
      serial_no: 'SERIAL01',
    });
    // Their header, with its own field order, reads the same.
    const theirHeader = Formatter.authorization(
      '1900000109',
      '593BEC0C930BF1AFEB40B4A08C8FB242',
      theirs,
      1554208460,
      'SERIAL01',
    );
    expect(parseAuthorization(theirHeader)).toEqual(parsed);
  });

  it('a GET signs path and query with an empty body line', () => {
    const url = '/v3/pay/transactions/out-trade-no/BS001?mchid=1900000109';
    expect(signMessage('GET', url, 1, 'n', '')).toBe(Formatter.request('GET', url, 1, 'n', ''));
    expect(signMessage('GET', url, 1, 'n', '')).toBe(`GET\n${url}\n1\nn\n\n`);
  });

  it('paySign: the same as wechatpay-axios-plugin and as the openssl command of the document', () => {
    const clock = new ManualClock(1414561699_000);
    const params = buildRequestPayment(
      'wx8888888888888888',
      'wx201410272009395522657a690389285100',
      merchantKeys().privateKey,
      clock,
    );
    expect(params).toMatchObject({
      timeStamp: '1414561699',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
    });
    expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    const message = Formatter.joinedByLineFeed('wx8888888888888888', params.timeStamp, params.nonceStr, params.package);
    expect(params.paySign).toBe(Rsa.sign(message, merchantKeys().privateKey));
    expect(params.paySign).toBe(opensslSign(message));
    expect(Rsa.verify(message, params.paySign, merchantKeys().publicKey)).toBe(true);
  });

  it('answers signed by their code verify here; a changed body, an old timestamp or another key id do not', () => {
    const clock = new ManualClock(1554209980_000);
    const body = '{"prepay_id":"wx2922034726858082fbd40b511c67630000"}';
    const signature = Rsa.sign(
      Formatter.response(1554209980, 'c5ac7061fccab6bf3e254dcf98995b8c', body),
      platformKeys().privateKey,
    );
    const headers = new Headers({
      'Wechatpay-Timestamp': '1554209980',
      'Wechatpay-Nonce': 'c5ac7061fccab6bf3e254dcf98995b8c',
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': PUB_KEY_ID,
    });
    const check = { publicKey: platformKeys().publicKey, publicKeyId: PUB_KEY_ID, clock };
    expect(() => verifyWechatpaySignature(headers, body, check)).not.toThrow();
    expect(() => verifyWechatpaySignature(headers, body.replace('0000', '0001'), check)).toThrow(
      SignatureVerificationError,
    );
    expect(() => verifyWechatpaySignature(headers, body, { ...check, publicKeyId: 'PUB_KEY_ID_OTHER' })).toThrow(/key/);
    clock.advance(5 * 60_000);
    expect(() => verifyWechatpaySignature(headers, body, check)).not.toThrow();
    clock.advance(1_000);
    expect(() => verifyWechatpaySignature(headers, body, check)).toThrow(/too old/);
  });

  it('our answer headers verify with their Rsa.verify', () => {
    const headers = signedWechatpayHeaders(BODY, platformKeys().privateKey, PUB_KEY_ID);
    const message = Formatter.response(headers['Wechatpay-Timestamp'], headers['Wechatpay-Nonce'], BODY);
    expect(Rsa.verify(message, headers['Wechatpay-Signature'], platformKeys().publicKey)).toBe(true);
    expect(headers['Wechatpay-Serial']).toBe(PUB_KEY_ID);
    expect(rsaSign(message, platformKeys().privateKey)).toBe(headers['Wechatpay-Signature']);
  });

  it('AEAD_AES_256_GCM: decrypts what their AesGcm encrypts, and the other way round', () => {
    const plaintext = JSON.stringify({ out_trade_no: 'BS001', trade_state: 'SUCCESS', amount: { total: 100 } });
    const ciphertext = Aes.AesGcm.encrypt(plaintext, API_V3_KEY, 'fdasflkja484', 'transaction');
    const resource = {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext,
      nonce: 'fdasflkja484',
      associated_data: 'transaction',
    };
    expect(decryptResource(resource, API_V3_KEY)).toBe(plaintext);
    expect(() => decryptResource({ ...resource, associated_data: 'refund' }, API_V3_KEY)).toThrow(
      SignatureVerificationError,
    );
    expect(() => decryptResource(resource, 'b'.repeat(32))).toThrow(SignatureVerificationError);

    const ours = encryptResource(plaintext, API_V3_KEY, 'refund');
    expect(ours.nonce).toHaveLength(12);
    expect(Aes.AesGcm.decrypt(ours.ciphertext, API_V3_KEY, ours.nonce, ours.associated_data)).toBe(plaintext);
  });

  it('trade bill: their castCsvBill reads our file as we do', () => {
    const row = Object.fromEntries(TRADE_BILL_COLUMNS.map((column) => [column, ''])) as TradeBillRecord;
    const bill = formatTradeBill([
      {
        ...row,
        商户订单号: 'BS001',
        微信订单号: '4200000001',
        交易状态: 'SUCCESS',
        应结订单金额: '12.34',
        订单金额: '12.34',
        手续费: '0.07',
      },
      {
        ...row,
        商户订单号: 'BS001',
        商户退款单号: 'RF001',
        交易状态: 'REFUND',
        应结订单金额: '0.00',
        退款金额: '2.00',
        申请退款金额: '2.00',
        手续费: '-0.01',
      },
    ]);
    const theirs = Formatter.castCsvBill(Buffer.from(bill, 'utf8')) as {
      rows: Record<string, string>[];
      summary: Record<string, string>;
    };
    const ours = parseTradeBill(bill);
    expect(theirs.rows.map((r) => [r['商户订单号'], r['交易状态'], r['退款金额']])).toEqual([
      ['BS001', 'SUCCESS', ''],
      ['BS001', 'REFUND', '2.00'],
    ]);
    expect(theirs.summary['总交易单数']).toBe('2');
    expect(theirs.summary['应结订单总金额']).toBe('12.34');
    expect(ours.lines.map((line) => [line.outTradeNo, line.tradeState, line.settlementFen, line.refundFen])).toEqual([
      ['BS001', 'SUCCESS', 1234, 0],
      ['BS001', 'REFUND', 0, 200],
    ]);
    expect(ours.summary).toMatchObject({ count: 2, settlementFen: 1234, refundFen: 200, feeFen: 6, orderFen: 1234 });
  });
});
