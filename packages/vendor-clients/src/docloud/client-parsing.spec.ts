import { ManualClock, VendorApiError, VendorTimeoutError, type FetchLike } from '../core/index.js';
import { DocloudClient } from './client.js';
import { DocloudApiError, DocloudDuplicateOrderError, DOCLOUD_ERRORS } from './errors.js';
import { verifySignedQuery } from './signing.js';
import { rejectionOf } from './test-support/rejection.js';

interface Captured {
  url: URL;
  init: RequestInit;
}

/** A fetch that answers from a script and records what the client sent. */
function scripted(...answers: (string | Error)[]) {
  const calls: Captured[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    calls.push({ url: new URL(input), init });
    const next = answers.shift() ?? '{}';
    if (next instanceof Error) throw next;
    return new Response(next, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new DocloudClient({
    baseUrl: 'https://openapi.docloud.vip',
    appKey: 'TEST',
    appSecret: 'TEST',
    clock: new ManualClock(1472182371254),
    maxRetries: 2,
    fetch,
  });
  return { client, calls };
}

const timeout = () => Object.assign(new Error('timed out'), { name: 'TimeoutError' });

describe('docloud client: request shape', () => {
  it('signs the query over the exact JSON body it sends, with the JSON content type', async () => {
    const { client, calls } = scripted('{"success":true,"data":{"token":"8045402120367843"}}');
    await expect(client.assignToken({ phone: '10112341111', plateNumber: '浙A778QZ' })).resolves.toBe(
      '8045402120367843',
    );
    const [{ url, init }] = calls;
    expect(url.pathname).toBe('/violation/assign/token');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json;charset=utf-8');
    expect(init.body).toBe('{"phone":"10112341111","plateNumber":"浙A778QZ"}');
    expect(url.searchParams.get('timestamp')).toBe('1472182371254');
    expect(() => verifySignedQuery(url.search.slice(1), init.body as string, 'TEST', 'TEST')).not.toThrow();
  });

  it('sends app_key and the user token as headers on annual-inspection calls only', async () => {
    const { client, calls } = scripted('[]', '{"success":true,"data":{"orderId":1}}');
    await client.listBrands('user-token');
    await client.createOrder({ token: 't', violationCodes: ['1-D1'], totalPriceFen: 52000, outOrderNo: 'B1' });
    expect(calls[0].init.headers).toMatchObject({ app_key: 'TEST', token: 'user-token' });
    expect(calls[1].init.headers).not.toHaveProperty('token');
    expect(JSON.parse(calls[1].init.body as string)).toMatchObject({ totalPrice: '520.00', outOrderNo: 'B1' });
  });

  it('never retries a paid query: a lost answer may already be charged, so it fails after one attempt', async () => {
    const car = { plateNumber: '浙A778QZ', vin: 'LSVAM4187C2184847', engineNo: '0018835448DT' };
    const paid: [string, (client: DocloudClient) => Promise<unknown>][] = [
      ['/violation/query/1.0', (client) => client.queryViolations({ ...car, phone: '13800000001' })],
      ['/violation/amount/query', (client) => client.queryCounts(car)],
    ];
    for (const [path, send] of paid) {
      const { client, calls } = scripted(timeout(), '{"success":true,"data":{}}');
      await expect(send(client)).rejects.toBeInstanceOf(VendorTimeoutError);
      expect(calls.map((call) => call.url.pathname)).toEqual([path]);
    }
  });

  it('retries createOrder (outOrderNo makes it safe) and surfaces the 1117 that a repeat meets', async () => {
    const { client, calls } = scripted(timeout(), '{"success":false,"errCode":1117,"message":"提交的订单号已存在"}');
    const error = await rejectionOf(
      client.createOrder({ token: 't', violationCodes: ['1-D1'], totalPriceFen: 100, outOrderNo: 'B2' }),
    );
    expect(calls).toHaveLength(2);
    expect(calls[1].init.body).toBe(calls[0].init.body);
    expect(error).toBeInstanceOf(DocloudDuplicateOrderError);
    expect(error).toMatchObject({ code: '1117', vendor: 'docloud', meaning: DOCLOUD_ERRORS['1117'] });
  });

  it('never retries createInspectionOrder, which carries no idempotency key', async () => {
    const { client, calls } = scripted(timeout(), '{"success":true,"data":{"orderId":2}}');
    const error = await rejectionOf(
      client.createInspectionOrder(
        {
          shopId: 1,
          carId: '2',
          contactPhone: '13800000000',
          inspectCityId: 1,
          carOwnerPhone: '13800000000',
          orderPriceFen: 150,
          name: '张三',
          phone: '13800000000',
          province: '浙江省',
          city: '杭州市',
          address: '文一西路1号',
        },
        'tok',
      ),
    );
    expect(error).toBeInstanceOf(VendorTimeoutError);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0].init.body as string)).toMatchObject({ carId: 2, orderPrice: 1.5, inspectType: 1 });
  });

  it('refuses a monitor batch above 50 before sending anything', async () => {
    const { client, calls } = scripted();
    const cars = Array.from({ length: 51 }, (_, i) => ({
      carType: '02' as const,
      plateNumber: `浙A${String(10000 + i)}`,
      vin: 'LSVAM4187C2184847',
      engineNo: '5448DT',
    }));
    await expect(client.addMonitoredCars(cars)).rejects.toThrow(RangeError);
    await expect(client.removeMonitoredCars(cars)).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });
});

describe('docloud client: reading what the document says the vendor sends', () => {
  it('reads 《查询订单状态》 exactly as its example prints it: double braces, "1", process_status', async () => {
    const documentExample = `{
    "success": true,
    "data": {
        {
            "orderId": 1321321,
            "orderStatus": "1",
            "modifyTime": "2016-06-06 12:32:38",
			"violations": [{
					"code": "1232-D1",
					"process_status": 1
			}]
        }
    }
}`;
    const { client } = scripted(documentExample);
    await expect(client.getOrderStatus({ token: 't', orderId: 1321321 })).resolves.toEqual({
      orderId: '1321321',
      orderStatus: 1,
      modifyTime: '2016-06-06 12:32:38',
      violations: [{ code: '1232-D1', processStatus: 1 }],
    });
  });

  it('takes money as strings or numbers and gives fen', async () => {
    const { client } = scripted(
      JSON.stringify({
        success: true,
        data: {
          orderId: '1234566',
          orderStatus: 2,
          orderPrice: 520.0,
          payUrl: 'https://openapi.docloud.vip/alipay',
          plateNumber: '浙A66688',
          violations: [{ code: '1232-D1', time: '2016-06-06 12:32:38', fine: '200.00', point: '6', serviceFee: 23 }],
        },
      }),
    );
    const detail = await client.getOrderDetail({ token: 't', orderId: '1234566' });
    expect(detail).toMatchObject({ orderId: '1234566', orderStatus: 2, orderPriceFen: 52000 });
    expect(detail.violations[0]).toMatchObject({ fineFen: 20000, serviceFeeFen: 2300, point: 6, canSelect: false });
  });

  it('reads the query example (totalFine "200", canSelect 1) into camelCase fen', async () => {
    const { client } = scripted(
      '{"success":true,"data":{"token":"8045402120367843","totalFine":"200","totalPoints":6,"untreated":3,' +
        '"violations":[{"code":"1232-D1","time":"2016-06-06 12:32:38","fine":"200.00","address":"文二西路口",' +
        '"reason":"您在 xx 路违反了交通规则","point":6,"province":"浙江省","city":"杭州市","serviceFee":"23.00",' +
        '"canSelect":1,"processStatus":1,"paymentStatus":1,"organName":"上海市公安局闵行分局交通警察支队综合管理大队"}]}}',
    );
    const result = await client.queryViolations({ plateNumber: '浙A778QZ', phone: '10112341111' });
    expect(result).toMatchObject({ token: '8045402120367843', totalFineFen: 20000, totalPoints: 6, untreated: 3 });
    expect(result.violations[0]).toMatchObject({
      canSelect: true,
      processStatus: 1,
      paymentStatus: 1,
      serviceFeeFen: 2300,
    });
  });

  it('reads errCode as a number or a string', async () => {
    const { client } = scripted(
      '{"success":false,"errCode":1030,"message":"车牌格式错误"}',
      '{"message":"车架号或发动机号位数错误","success":false,"errCode":"1032"}',
    );
    const first = await rejectionOf(client.queryViolations({ plateNumber: 'X' }));
    const second = await rejectionOf(
      client.addMonitoredCar({ carType: '02', plateNumber: '浙A778QZ', vin: '1', engineNo: '2' }),
    );
    expect(first).toBeInstanceOf(DocloudApiError);
    expect(first).toMatchObject({ code: '1030', message: '车牌格式错误', retryable: false });
    expect(second).toMatchObject({ code: '1032', meaning: '车架号或发动机号位数错误' });
  });

  it('marks 1014 (query in progress) as worth retrying later', async () => {
    const { client } = scripted('{"success":false,"errCode":1014,"message":"查询中,请稍后再试"}');
    expect(await rejectionOf(client.queryViolations({ plateNumber: '浙A66688' }))).toMatchObject({
      code: '1014',
      retryable: true,
    });
  });

  it('turns an unexpected shape into an INVALID_RESPONSE error, not a TypeError', async () => {
    const { client } = scripted('{"success":true,"data":{"orderStatus":"9"}}', '{"brands":[]}', 'not json');
    for (const call of [
      () => client.getOrderStatus({ token: 't', orderId: 1 }),
      () => client.listBrands('t'),
      () => client.listConditions(),
    ]) {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(VendorApiError);
      expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
    }
  });
});
