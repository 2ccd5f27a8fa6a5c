import { DocloudClient, type DocloudApiError } from '@banshi/vendor-clients/docloud';
import {
  APP_KEY,
  APP_SECRET,
  JPEG_HEADER,
  PNG_1X1,
  rejectionOf,
  startHarness,
  type Harness,
} from './test-support/harness.js';

/**
 * Signature checks, conditions, tokens, queries, price quotes and licence uploads against the
 * simulator (orders are in violation-orders.contract.spec.ts). 浙A66688 has three violations in
 * 杭州 (one of 6 points), 浙A778QZ none, 冀A12375 three in a city that needs 4 engine characters.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ queryLatencyMs: 60, orderProcessMs: null });
});
afterAll(() => h.close());

const codeOf = (error: unknown) => (error as DocloudApiError).code;

describe('signature checks on every endpoint', () => {
  it('signTest: echoes the golden body and the signed query', async () => {
    const result = await h.client.signTest({ data: '顺便测试中文乱码' }, { city: '1', name: 'demo' });
    expect(result.requestBody).toBe('{"data":"顺便测试中文乱码"}');
    expect(result.urlParam).toMatch(
      new RegExp(`^app_key=${APP_KEY}&city=1&name=demo&timestamp=\\d{13}&sign=[0-9A-F]{32}$`),
    );
  });

  it('1005 for a request signed with the wrong secret', async () => {
    const forger = new DocloudClient({ baseUrl: h.sim.url, appKey: APP_KEY, appSecret: 'not-the-secret' });
    expect(codeOf(await rejectionOf(forger.signTest({ data: 1 })))).toBe('1005');
    expect(codeOf(await rejectionOf(forger.listConditions()))).toBe('1005');
  });

  it('1004 for an unknown app_key, 1009 for none', async () => {
    const stranger = new DocloudClient({ baseUrl: h.sim.url, appKey: 'NOBODY', appSecret: APP_SECRET });
    expect(codeOf(await rejectionOf(stranger.listConditions()))).toBe('1004');
    const bare = await fetch(`${h.sim.url}/violation/condition/all/1.0?timestamp=1&sign=X`);
    expect(await bare.json()).toEqual({ success: false, errCode: 1009, message: 'app_key为空' });
  });
});

describe('listConditions (《支持城市及条件》)', () => {
  it('lists the open provinces with their cities, plate prefixes and VIN / engine rules', async () => {
    const provinces = await h.client.listConditions();
    const names = provinces.map((p) => p.province);
    expect(names).toEqual(expect.arrayContaining(['北京市', '上海市', '浙江省', '广东省', '江苏省', '河北省']));
    const cities = provinces.flatMap((p) => p.cities);
    expect(cities.find((c) => c.cityPrefix === '京')).toMatchObject({ vinLength: 0, engineNoLength: -1 });
    expect(cities.find((c) => c.cityPrefix === '浙A')).toMatchObject({
      city: '杭州市',
      vinLength: 6,
      engineNoLength: 6,
    });
    expect(cities.find((c) => c.cityPrefix === '粤B')).toMatchObject({ vinLength: -1, engineNoLength: 6 });
    // 河北 is sent without carTypes, as in the document's example.
    expect(cities.find((c) => c.cityPrefix === '冀A')).toMatchObject({ engineNoLength: 4, carTypes: ['01', '02'] });
    expect(provinces.find((p) => p.province === '浙江省')?.cities.map((c) => c.cityPrefix)).toEqual(
      expect.arrayContaining(['浙A', '浙B', '浙C']),
    );
  });
});

describe('assignToken (《获取token》)', () => {
  it('binds up to three cars to a phone, refusing a repeat (1036) and a fourth (1037)', async () => {
    const phone = '13900000001';
    const car = (plateNumber: string) => ({ phone, plateNumber, vin: 'LSVAM4187C2184847', engineNo: '0018835448DT' });
    const first = await h.client.assignToken(car('浙A10001'));
    expect(first).toMatch(/^\d{16}$/);
    expect(codeOf(await rejectionOf(h.client.assignToken(car('浙A10001'))))).toBe('1036');
    await h.client.assignToken(car('浙A10002'));
    await h.client.assignToken(car('沪A10003'));
    expect(codeOf(await rejectionOf(h.client.assignToken(car('浙A10004'))))).toBe('1037');
  });

  it('a query without a phone answers no token; 《获取token》 gives the one orders need (《注意事项》2, 4)', async () => {
    const car = { plateNumber: '沪C3342Y', vin: 'LSVAM4187C2184847', engineNo: '0018835448DT' };
    const phoneless = await h.client.queryViolations({ ...car, needFee: true });
    expect(phoneless.violations.length).toBeGreaterThan(0);
    expect(phoneless.token).toBeUndefined();
    const token = await h.client.assignToken({ ...car, phone: '13900000003' });
    const [first] = phoneless.violations.filter((v) => v.canSelect);
    const order = await h.client.createOrder({
      token,
      violationCodes: [first.code],
      totalPriceFen: first.fineFen + (first.serviceFeeFen ?? 0),
      outOrderNo: 'ASSIGNED-1',
    });
    expect(order.orderId).toBeTruthy();
    // The same phone queried later answers the same token.
    expect((await h.client.queryViolations({ ...car, phone: '13900000003' })).token).toBe(token);
  });

  it.each([
    ['1035', { phone: '1390000', plateNumber: '浙A10005' }],
    ['1030', { phone: '13900000002', plateNumber: '浙I12345' }],
    ['1031', { phone: '13900000002', plateNumber: '皖N55677' }],
    ['1032', { phone: '13900000002', plateNumber: '浙A10005', vin: '1234' }],
  ])('refuses with %s', async (code, input) => {
    expect(codeOf(await rejectionOf(h.client.assignToken({ engineNo: '5448DT', vin: 'C2184847', ...input })))).toBe(
      code,
    );
  });
});

describe('queryViolations (《查询违章及费用》)', () => {
  const car = { plateNumber: '浙A66688', vin: 'LSVAM4187C2184847', engineNo: '0018835448DT', phone: '13900000010' };

  it('returns the plate’s violations with fees, in fen, the same every time', async () => {
    const result = await h.client.queryViolations({ ...car, needFee: true });
    expect(result).toMatchObject({ totalFineFen: 30000, totalPoints: 6, untreated: 3 });
    expect(result.token).toMatch(/^\d{16}$/);
    const byPoints = result.violations.map((v) => [
      v.point,
      v.fineFen,
      v.serviceFeeFen,
      v.canSelect,
      v.needTravelLicense,
    ]);
    expect(byPoints).toEqual(
      expect.arrayContaining([
        [6, 20000, 3500, false, true],
        [0, 5000, 2000, true, false],
        [0, 5000, 1500, true, false],
      ]),
    );
    expect(
      result.violations.every((v) => v.processStatus === 1 && v.city === '杭州市' && /^\d{6}-D\d$/.test(v.code)),
    ).toBe(true);
    const again = await h.client.queryViolations({ ...car, needFee: true });
    expect(again).toEqual(result);
  });

  it('leaves fees out without needFee, and makes point violations selectable when self-deducting', async () => {
    const plain = await h.client.queryViolations(car);
    expect(plain.violations.every((v) => v.serviceFeeFen === undefined && !v.canSelect)).toBe(true);
    const self = await h.client.queryViolations({ ...car, needFee: true, deductSelf: true });
    expect(self.violations.find((v) => v.point === 6)).toMatchObject({ canSelect: true, markFeeFen: 30000 });
  });

  it('answers a plate without violations with zero totals', async () => {
    const result = await h.client.queryViolations({
      plateNumber: '浙A778QZ',
      vin: 'SALMN1H46CA385572',
      engineNo: '0018835448DT',
      phone: '10112341111',
    });
    expect(result).toMatchObject({ totalFineFen: 0, totalPoints: 0, untreated: 0, violations: [] });
  });

  it('1014 for a second query of the same car while the first runs', async () => {
    const both = await Promise.allSettled([h.client.queryViolations(car), h.client.queryViolations(car)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const error = (both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
    expect(error).toMatchObject({ code: '1014', retryable: true });
    await expect(h.client.queryViolations(car)).resolves.toMatchObject({ untreated: 3 });
  });

  it.each([
    ['1030', { plateNumber: '浙A12' }],
    ['1031', { plateNumber: '皖N55677' }],
    ['1031', { plateNumber: '浙A66688', city: '拉萨市', phone: '13900000010' }],
    ['1032', { plateNumber: '冀A12375', engineNo: '12' }],
    ['1032', { plateNumber: '粤B12340', vin: 'C2184847', engineNo: '448DT0' }],
    ['1035', { plateNumber: '沪C3342Y', vin: 'LSVAM4187C2184847', phone: '2390000000' }],
    ['1003', { plateNumber: '浙A66688', vin: '184847', engineNo: '5448DT' }],
  ])('refuses with %s: %j', async (code, input) => {
    expect(codeOf(await rejectionOf(h.client.queryViolations(input)))).toBe(code);
  });
});

describe('quotePrice (《直通车查询报价》)', () => {
  it('prices violations typed in by the user, which can then be ordered', async () => {
    const quote = await h.client.quotePrice({
      plateNumber: '粤B12347',
      vin: 'LSVAM4187C2184847',
      engineNo: '5448DT',
      phone: '13900000020',
      items: [
        {
          violationCity: '广州市',
          violationTime: '2025-03-02 14:00:23',
          violationLocation: '天河路体育西路口',
          violationCode: '1039',
          violationFineFen: 20000,
          violationMark: 0,
          violationReason: '违反规定停放',
        },
        {
          violationCity: '拉萨市',
          violationTime: '2025-03-05 09:10:00',
          violationLocation: '北京中路',
          violationCode: '1625',
          violationFineFen: 20000,
          violationMark: 6,
          violationReason: '闯红灯',
        },
      ],
    });
    expect(quote).toMatchObject({ totalFineFen: 40000, totalPoints: 6, untreated: 2 });
    const [parking, elsewhere] = quote.violations;
    expect(parking).toMatchObject({ fineFen: 20000, point: 0, canSelect: true, processStatus: 1, city: '广州市' });
    expect(elsewhere).toMatchObject({ canSelect: false, processStatus: 4 });
    const total = parking.fineFen + (parking.serviceFeeFen ?? 0);
    const order = await h.client.createOrder({
      token: quote.token!,
      violationCodes: [parking.code],
      totalPriceFen: total,
      outOrderNo: 'Q-1',
    });
    expect(order.orderId).toMatch(/^\d+$/);
  });

  it('1001 for an item without its time format', async () => {
    const error = await rejectionOf(
      h.client.quotePrice({
        plateNumber: '粤B12347',
        vin: 'LSVAM4187C2184847',
        engineNo: '5448DT',
        phone: '13900000020',
        items: [
          {
            violationCity: '广州市',
            violationTime: '2025/03/02',
            violationLocation: 'x',
            violationCode: '1039',
            violationFineFen: 100,
            violationMark: 0,
            violationReason: 'x',
          },
        ],
      }),
    );
    expect(error).toMatchObject({ code: '1001' });
    expect((error as Error).message).toContain('violationTime');
  });
});

describe('uploadTravelLicense (《上传行驶证》)', () => {
  let token: string;
  beforeAll(async () => {
    token = (
      await h.client.queryViolations({ plateNumber: '沪A1234D', vin: 'LSVAM4187C2184847', phone: '13900000030' })
    ).token!;
  });

  it('accepts a PNG and a JPEG', async () => {
    await expect(
      h.client.uploadTravelLicense({ token, front: PNG_1X1, back: Buffer.concat([JPEG_HEADER, Buffer.alloc(100)]) }),
    ).resolves.toBe(true);
  });

  it('1002 when a page is over 500 KB once decoded', async () => {
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(500 * 1024)]);
    expect(codeOf(await rejectionOf(h.client.uploadTravelLicense({ token, front: PNG_1X1, back: big })))).toBe('1002');
  });

  it('1001 for a GIF, 1110 without a token, 1101 with a made-up one', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    expect(codeOf(await rejectionOf(h.client.uploadTravelLicense({ token, front: gif, back: PNG_1X1 })))).toBe('1001');
    expect(codeOf(await rejectionOf(h.client.uploadTravelLicense({ token: '', front: PNG_1X1, back: PNG_1X1 })))).toBe(
      '1110',
    );
    expect(
      codeOf(await rejectionOf(h.client.uploadTravelLicense({ token: '1234', front: PNG_1X1, back: PNG_1X1 }))),
    ).toBe('1101');
  });
});
