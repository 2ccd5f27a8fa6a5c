import { parseYundouCallback, parseYundouCallbackPayload } from './callback.js';
import { CallbackFormatError } from './errors.js';
import { phpJson } from './php-json.js';

const json = (body: unknown) => ({ rawBody: JSON.stringify(body), contentType: 'application/json' });
const form = (fields: Record<string, string>) => ({
  rawBody: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});

describe('parseYundouCallback: envelopes', () => {
  it('reads a QR result (二维码信息同步)', () => {
    const content = '01,32,,24442000000123456789,283.02,20240412,,8F1A';
    const event = parseYundouCallback(
      json({ 'x-oid': 'q-1', code: 0, message: '识别成功', data: { id: 34, content } }),
    );
    expect(event).toMatchObject({ kind: 'qr_decoded', oid: 'q-1', code: 0, qrId: '34', content, warnings: [] });
  });

  it('reads a QR result whose data is a one-element list (the document types it "array")', () => {
    const event = parseYundouCallback(json({ 'x-oid': 7, code: '0', data: [{ id: 1, content: 'hello' }] }));
    expect(event).toMatchObject({ kind: 'qr_decoded', oid: '7', content: 'hello' });
  });

  it('turns code !== 0 into a failure event with the message, for bills and QR codes', () => {
    const bill = parseYundouCallback(
      json({ code: 1, 'x-oid': 'b-1', bid: 500001, message: '图片无法识别，请重新拍摄', type: '', data: [] }),
    );
    expect(bill).toMatchObject({
      kind: 'recognition_failed',
      source: 'bill',
      oid: 'b-1',
      billId: '500001',
      code: 1,
      message: '图片无法识别，请重新拍摄',
    });
    const qr = parseYundouCallback(json({ 'x-oid': 'q-2', code: 1, message: '图片无法识别，请重新拍摄', data: [] }));
    expect(qr).toMatchObject({ kind: 'recognition_failed', source: 'unknown', oid: 'q-2' });
    expect(parseYundouCallback(json({ 'x-oid': 'q-2', code: 1, data: [] }), 'qr')).toMatchObject({ source: 'qr' });
  });

  it('reads PHP-escaped JSON (\\u4e0a…) as the vendor sends it', () => {
    const body = phpJson({
      code: 0,
      'x-oid': 'b-2',
      bid: 3,
      message: '识别成功',
      type: '停车费',
      data: { amount: '15.00' },
    });
    expect(body).toContain('\\u505c\\u8f66\\u8d39');
    const event = parseYundouCallback({ rawBody: Buffer.from(body), contentType: 'application/json; charset=utf-8' });
    expect(event).toMatchObject({ kind: 'bill_recognised', bill: { type: 'parking', amountFen: 1500 } });
  });

  it('reads a form body whose data is a JSON string', () => {
    const event = parseYundouCallback(
      form({
        code: '0',
        'x-oid': 'b-3',
        bid: '12',
        message: 'ok',
        type: '门票',
        data: '{"amount":"120.00","sign_date":"20240211"}',
      }),
    );
    expect(event).toMatchObject({
      kind: 'bill_recognised',
      oid: 'b-3',
      billId: '12',
      bill: { type: 'ticket', amountFen: 12_000, signDate: '2024-02-11' },
    });
  });

  it('reads a form body with PHP bracket keys, items included', () => {
    const event = parseYundouCallback(
      form({
        code: '0',
        'x-oid': 'b-4',
        type: '增值税普通发票',
        'data[Amount]': '10.00',
        'data[invoice_number]': '24442000000123456789',
        'data[Item][0][name]': '*文具*笔',
        'data[Item][0][amount]': '10.00',
      }),
    );
    expect(event).toMatchObject({
      kind: 'bill_recognised',
      bill: { type: 'vat_ordinary', amountFen: 1000, items: [{ name: '*文具*笔', amountFen: 1000 }] },
    });
  });

  it('sniffs the body when the content type is missing', () => {
    expect(parseYundouCallback({ rawBody: '{"x-oid":"a","code":0,"data":{"content":"x"}}' })).toMatchObject({
      kind: 'qr_decoded',
    });
    expect(parseYundouCallback({ rawBody: 'x-oid=a&code=1&message=bad' })).toMatchObject({
      kind: 'recognition_failed',
      message: 'bad',
    });
  });

  it('accepts a body a framework has already decoded', () => {
    expect(parseYundouCallbackPayload({ 'x-oid': 'a', code: 0, type: '船票', data: { amount: 165 } })).toMatchObject({
      bill: { type: 'ship', amountFen: 16_500 },
    });
  });

  it.each([
    ['a body that is not JSON', { rawBody: '{"code":0,', contentType: 'application/json' }, 'not valid JSON'],
    ['a JSON list', json([1, 2]), 'not an object'],
    ['no x-oid', json({ code: 0, type: '船票', data: {} }), 'no x-oid'],
    ['no code', json({ 'x-oid': 'a', type: '船票', data: {} }), 'no numeric code'],
    ['a code that is not a number', json({ 'x-oid': 'a', code: 'ok', data: {} }), 'no numeric code'],
    ['a bill without type', json({ 'x-oid': 'a', code: 0, bid: 1, data: { amount: '1' } }), 'no type'],
    ['data that is a broken JSON string', form({ 'x-oid': 'a', code: '0', type: '船票', data: '{oops' }), 'not JSON'],
    ['data that is a number', json({ 'x-oid': 'a', code: 0, type: '船票', data: 5 }), 'not an object'],
    ['a QR result without content', json({ 'x-oid': 'a', code: 0, data: { id: 1 } }), 'no type'],
    ['a QR result without content, expected QR', json({ 'x-oid': 'a', code: 0, data: { id: 1 } }), 'no data.content'],
    [
      'VAT items that are not a list',
      json({ 'x-oid': 'a', code: 0, type: '增值税专用发票', data: { Item: 3 } }),
      'not a list',
    ],
    ['a body of an unreadable type', { rawBody: '<xml/>', contentType: 'text/xml' }, 'unreadable type'],
  ])('refuses %s with CallbackFormatError', (_name, request, message) => {
    const expect_ = _name.includes('expected QR') ? 'qr' : undefined;
    let error: unknown;
    try {
      parseYundouCallback(request, expect_);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CallbackFormatError);
    expect((error as Error).message).toContain(message);
  });
});
