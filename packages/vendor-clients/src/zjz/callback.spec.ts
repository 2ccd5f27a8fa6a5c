import { md5Hex, SignatureVerificationError } from '../core/index.js';
import { isZjzAcknowledgement, verifyZjzCallback, ZJZ_CALLBACK_ACK, zjzCallbackFailure } from './callback.js';
import { CallbackFormatError } from './errors.js';
import { encodeCallback } from './callback-encoding.js';
import { isValidZjzSign, zjzCallbackSign } from './signing.js';

const API_KEY = 'zjz-test-key';
const SIGN = md5Hex(API_KEY);
const ORDER_NO = '20210616134106190536';
const form = (fields: Record<string, string>) => ({ rawBody: new URLSearchParams(fields).toString() });

describe('zjz signing', () => {
  it('signs with md5 of the apikey and compares case-insensitively', () => {
    expect(zjzCallbackSign(API_KEY)).toBe(SIGN);
    expect(isValidZjzSign(SIGN.toUpperCase(), API_KEY)).toBe(true);
    expect(isValidZjzSign(md5Hex('other'), API_KEY)).toBe(false);
    expect(isValidZjzSign(undefined, API_KEY)).toBe(false);
  });
});

describe('verifyZjzCallback', () => {
  it('reads a form-encoded done notification', () => {
    const event = verifyZjzCallback(
      form({
        status: '3',
        order_no: ORDER_NO,
        sign: SIGN,
        image_receipt: 'https://zjz.example/r.jpg',
        image_print: 'https://zjz.example/p.jpg',
      }),
      API_KEY,
    );
    expect(event).toMatchObject({
      status: 3,
      kind: 'done',
      orderNo: ORDER_NO,
      imageReceipt: 'https://zjz.example/r.jpg',
      imagePrint: 'https://zjz.example/p.jpg',
    });
    expect(event.fields).not.toHaveProperty('sign');
  });

  it('reads every status', () => {
    const base = { order_no: ORDER_NO, sign: SIGN };
    expect(verifyZjzCallback(form({ ...base, status: '2' }), API_KEY).kind).toBe('reviewing');
    expect(verifyZjzCallback(form({ ...base, status: '-1', reject_msg: '背景不合格' }), API_KEY)).toMatchObject({
      kind: 'rejected',
      rejectMsg: '背景不合格',
    });
    expect(verifyZjzCallback(form({ ...base, status: '-2' }), API_KEY).kind).toBe('cancelled');
  });

  it('reads logistics_info as JSON text in a form, as an object in JSON, and PHP-style nested fields', () => {
    const expected = { expressName: '韵达', expressNo: '1234567890' };
    const asText = form({
      status: '4',
      order_no: ORDER_NO,
      sign: SIGN,
      logistics_info: '{"express_name":"韵达","express_no":"1234567890"}',
    });
    expect(verifyZjzCallback(asText, API_KEY)).toMatchObject({ kind: 'shipped', logisticsInfo: expected });

    const json = JSON.stringify({
      status: 4,
      order_no: ORDER_NO,
      sign: SIGN,
      logistics_info: { express_name: '韵达', express_no: '1234567890' },
    });
    expect(verifyZjzCallback({ rawBody: Buffer.from(json), contentType: 'application/json' }, API_KEY)).toMatchObject({
      logisticsInfo: expected,
    });

    const php =
      `status=4&order_no=${ORDER_NO}&sign=${SIGN}` +
      '&logistics_info%5Bexpress_name%5D=%E9%9F%B5%E8%BE%BE&logistics_info%5Bexpress_no%5D=1234567890';
    expect(verifyZjzCallback({ rawBody: php }, API_KEY)).toMatchObject({ logisticsInfo: expected });
  });

  it('keeps a 20-digit order_no sent as a JSON number exact', () => {
    const json = `{"status":2,"order_no":${ORDER_NO},"sign":"${SIGN}"}`;
    expect(verifyZjzCallback({ rawBody: json }, API_KEY).orderNo).toBe(ORDER_NO);
  });

  it('reads what the simulator sends, in both formats', () => {
    const fields = {
      status: 4 as const,
      order_no: ORDER_NO,
      sign: SIGN,
      logistics_info: { express_name: '顺丰', express_no: 'SF1234567890123' },
    };
    for (const format of ['form', 'json'] as const) {
      const { body, contentType } = encodeCallback(fields, format);
      expect(verifyZjzCallback({ rawBody: body, contentType }, API_KEY)).toMatchObject({
        status: 4,
        logisticsInfo: { expressName: '顺丰', expressNo: 'SF1234567890123' },
      });
    }
  });

  it('refuses a wrong or missing sign with SignatureVerificationError', () => {
    const wrong = form({ status: '3', order_no: ORDER_NO, sign: md5Hex('guess'), image_receipt: 'https://x/r.jpg' });
    expect(() => verifyZjzCallback(wrong, API_KEY)).toThrow(SignatureVerificationError);
    expect(() => verifyZjzCallback(form({ status: '2', order_no: ORDER_NO }), API_KEY)).toThrow(
      SignatureVerificationError,
    );
    // The right sign for another application's key is still wrong.
    expect(() => verifyZjzCallback(form({ status: '2', order_no: ORDER_NO, sign: SIGN }), 'other-key')).toThrow(
      SignatureVerificationError,
    );
  });

  it.each([
    ['an empty body', { rawBody: '' }],
    ['broken JSON', { rawBody: '{"status":3,', contentType: 'application/json' }],
    ['a JSON array', { rawBody: '[1,2]', contentType: 'application/json' }],
    ['an unknown status', form({ status: '5', order_no: ORDER_NO, sign: SIGN })],
    ['no order_no', form({ status: '2', sign: SIGN })],
    ['done without image_receipt', form({ status: '3', order_no: ORDER_NO, sign: SIGN })],
    [
      'done with a receipt that is not a URL',
      form({ status: '3', order_no: ORDER_NO, sign: SIGN, image_receipt: 'x' }),
    ],
    ['shipped without logistics', form({ status: '4', order_no: ORDER_NO, sign: SIGN, logistics_info: '{}' })],
  ])('refuses %s with CallbackFormatError', (_name, input) => {
    expect(() => verifyZjzCallback(input, API_KEY)).toThrow(CallbackFormatError);
  });

  it('acknowledges with the document example, and the vendor rule accepts only code 0', () => {
    expect(ZJZ_CALLBACK_ACK).toEqual({ data: {}, code: 0, msg: '同步完成' });
    expect(isZjzAcknowledgement(200, JSON.stringify(ZJZ_CALLBACK_ACK))).toBe(true);
    expect(isZjzAcknowledgement(200, JSON.stringify(zjzCallbackFailure()))).toBe(false);
    expect(isZjzAcknowledgement(200, '{"code":"0"}')).toBe(false);
    expect(isZjzAcknowledgement(200, 'success')).toBe(false);
    expect(isZjzAcknowledgement(500, JSON.stringify(ZJZ_CALLBACK_ACK))).toBe(false);
  });
});
