import { ManualClock, SignatureVerificationError } from '../core/index.js';
import { DOCLOUD_CALLBACK_ACK, verifyOrderStatusCallback, verifyViolationChangeCallback } from './callbacks.js';
import { DocloudCallbackFormatError } from './errors.js';
import { signUrl } from './signing.js';

const credentials = { appKey: 'C3AD3OMBO5W3JTB0', appSecret: 'partner-secret' };

/** What the vendor would POST: the body, and the callback URL's query signed over it. */
function signed(body: string, url = 'http://banshi.test/api/changeStatus', keys = credentials) {
  const full = signUrl(url, keys.appKey, keys.appSecret, body, new ManualClock(1490769858578));
  return { rawQuery: full.slice(full.indexOf('?') + 1), rawBody: body };
}

// The document's own examples, verbatim.
const ORDER_EXAMPLE = `{
    "success": true,
    "data": {
        "orderId": 1321321,
        "orderStatus": 1,
        "orderStatusTime": "2016-06-06 12:32:38",
		"refundMoney" : 200.00,
		"violations": [{
				"code": "1232-D1",
				"processStatus": 1
		}]
    }
}`;
const CHANGE_EXAMPLE = `{"success":true,"data":{"plateNumber":"浙A88888","items":[{"code":"1232-D1","time":"2016-06-06 12:32:38","fine":"200.00","address":"文二西路口","reason":"您在 xx 路违反了交通规则","point":6,"violationCity":"杭州市","processStatus":1,"paymentStatus":1,"serviceFee":23,"canSelect":1,"markFee":23,"needTravelLicense":0,"organName":"上海市公安局闵行分局交通警察支队综合管理大队"}]}}`;
const FAILURE_EXAMPLE = `{"success":false,"data":{"plateNumber":" 浙A88888","code":"1032","message":"车架号或发动机号位数错误"}}`;

describe('verifyOrderStatusCallback (《订单状态变更通知》)', () => {
  it('reads the document example into a typed event with fen', () => {
    expect(verifyOrderStatusCallback(signed(ORDER_EXAMPLE), credentials)).toEqual({
      kind: 'order-status',
      orderId: '1321321',
      orderStatus: 1,
      orderStatusTime: '2016-06-06 12:32:38',
      refundMoneyFen: 20000,
      violations: [{ code: '1232-D1', processStatus: 1 }],
    });
  });

  it('accepts the raw body as bytes, a leading "?" and the partner’s own query parameters', () => {
    const request = signed(ORDER_EXAMPLE, 'http://banshi.test/cb?inbox=7f3a');
    const event = verifyOrderStatusCallback(
      { rawQuery: `?${request.rawQuery}`, rawBody: Buffer.from(ORDER_EXAMPLE, 'utf8') },
      credentials,
    );
    expect(event.orderId).toBe('1321321');
  });

  it('refuses a forged sign, another app_key, a secret it does not share and a changed body', () => {
    const good = signed(ORDER_EXAMPLE);
    const attempts = [
      { ...good, rawQuery: good.rawQuery.replace(/sign=\w+/, 'sign=A0BB181E6899A9E451A8900ECFF72AA3') },
      signed(ORDER_EXAMPLE, undefined, { appKey: 'SOMEONE_ELSE', appSecret: credentials.appSecret }),
      signed(ORDER_EXAMPLE, undefined, { appKey: credentials.appKey, appSecret: 'guessed' }),
      { ...good, rawBody: ORDER_EXAMPLE.replace('"orderStatus": 1', '"orderStatus": 3') },
      { ...good, rawQuery: good.rawQuery.replace(/&sign=\w+/, '') },
    ];
    for (const attempt of attempts) {
      expect(() => verifyOrderStatusCallback(attempt, credentials)).toThrow(SignatureVerificationError);
    }
  });

  it.each([
    ['a body that is not JSON', '{"success": true, "data": {'],
    ['no data', '{"success":true}'],
    ['no orderId', '{"success":true,"data":{"orderStatus":2,"violations":[]}}'],
    ['an unknown orderStatus', '{"success":true,"data":{"orderId":1,"orderStatus":7,"violations":[]}}'],
    ['violations that are not a list', '{"success":true,"data":{"orderId":1,"orderStatus":2,"violations":{}}}'],
  ])('throws a format error for %s (signature valid)', (_name, body) => {
    expect(() => verifyOrderStatusCallback(signed(body), credentials)).toThrow(DocloudCallbackFormatError);
  });

  it('treats a zero refundMoney as no refund, and reads a close reason', () => {
    const body = JSON.stringify({
      success: true,
      data: { orderId: '9', orderStatus: '4', refundMoney: 0, cancelReason: '用户取消', violations: [] },
    });
    expect(verifyOrderStatusCallback(signed(body), credentials)).toEqual({
      kind: 'order-status',
      orderId: '9',
      orderStatus: 4,
      cancelReason: '用户取消',
      violations: [],
    });
  });
});

describe('verifyViolationChangeCallback (《车辆违章信息变更通知》)', () => {
  it('reads the change example, fees given as integers', () => {
    const event = verifyViolationChangeCallback(signed(CHANGE_EXAMPLE), credentials);
    expect(event).toMatchObject({ kind: 'violations-changed', plateNumber: '浙A88888' });
    if (event.kind !== 'violations-changed') throw new Error('wrong kind');
    expect(event.violations[0]).toMatchObject({
      code: '1232-D1',
      fineFen: 20000,
      point: 6,
      serviceFeeFen: 2300,
      markFeeFen: 2300,
      canSelect: true,
      needTravelLicense: false,
      processStatus: 1,
      paymentStatus: 1,
      violationCity: '杭州市',
    });
  });

  it('carries the signed timestamp of its URL as signedAt, in milliseconds whatever unit the vendor used', () => {
    const event = verifyViolationChangeCallback(signed(CHANGE_EXAMPLE), credentials);
    expect(event).toMatchObject({ signedAt: 1490769858578 });
    // The PHP sample signs seconds.
    const url = signUrl(
      'http://banshi.test/cb',
      credentials.appKey,
      credentials.appSecret,
      CHANGE_EXAMPLE,
      new ManualClock(1490769858),
    );
    const inSeconds = verifyViolationChangeCallback(
      { rawQuery: url.slice(url.indexOf('?') + 1), rawBody: CHANGE_EXAMPLE },
      credentials,
    );
    expect(inSeconds).toMatchObject({ signedAt: 1490769858000 });
  });

  it('reads the failure example, trimming the plate it sends with a leading space', () => {
    expect(verifyViolationChangeCallback(signed(FAILURE_EXAMPLE), credentials)).toEqual({
      kind: 'monitor-failed',
      plateNumber: '浙A88888',
      code: '1032',
      message: '车架号或发动机号位数错误',
      signedAt: 1490769858578,
    });
  });

  it('refuses a forged callback before reading it, and a malformed one after', () => {
    const forged = { ...signed(CHANGE_EXAMPLE), rawBody: CHANGE_EXAMPLE.replace('200.00', '2.00') };
    expect(() => verifyViolationChangeCallback(forged, credentials)).toThrow(SignatureVerificationError);
    const noPlate = '{"success":true,"data":{"items":[]}}';
    expect(() => verifyViolationChangeCallback(signed(noPlate), credentials)).toThrow(DocloudCallbackFormatError);
    const badItem = '{"success":true,"data":{"plateNumber":"浙A88888","items":[{"fine":"1.00"}]}}';
    expect(() => verifyViolationChangeCallback(signed(badItem), credentials)).toThrow(DocloudCallbackFormatError);
  });

  it('acknowledges in the document’s form', () => {
    expect(JSON.stringify(DOCLOUD_CALLBACK_ACK)).toBe('{"success":true}');
  });
});
