import { makeIdNumber } from '@banshi/vendor-clients';
import { type DocloudApiError, DocloudDuplicateOrderError } from '@banshi/vendor-clients/docloud';
import { PNG_1X1, rejectionOf, startHarness, waitFor, type Harness } from './test-support/harness.js';

/**
 * 《创建代缴订单》 (and its self-deduct twin) with each refusal, 《查询订单状态》 and 《查询代缴订单详情》.
 * Plates are chosen for the violations the simulator derives from them: 浙A66688 has three in 杭州
 * (one of 6 points), 浙A778QZ none, 浙BCH111 one already handled, 苏E12361 two point violations,
 * 沪C3342Y one parking fine, 冀A12375 three in a city without 代缴.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ queryLatencyMs: 60, orderProcessMs: null });
});
afterAll(() => h.close());

const codeOf = (error: unknown) => (error as DocloudApiError).code;
const DRIVER = makeIdNumber('330106', '19880506', 71);

describe('orders (《创建代缴订单》, 《查询订单状态》, 《查询代缴订单详情》)', () => {
  const tokenFor = async (plateNumber: string, phone: string, extra: object = {}) =>
    await h.client.queryViolations({
      plateNumber,
      vin: 'LSVAM4187C2184847',
      engineNo: '0018835448DT',
      phone,
      needFee: true,
      ...extra,
    });

  it('creates an order, pays it on credit, and shows it by status and detail', async () => {
    const { token, violations } = await tokenFor('沪C3342Y', '13900000040');
    const [parking] = violations;
    const totalPriceFen = parking.fineFen + (parking.serviceFeeFen ?? 0);
    const { orderId } = await h.client.createOrder({
      token: token!,
      violationCodes: [parking.code, parking.code],
      totalPriceFen,
      outOrderNo: 'SH-1',
    });
    await waitFor(() => h.sim.order(orderId).status === 2, 'credit payment');
    await expect(h.client.getOrderStatus({ token: token!, orderId })).resolves.toMatchObject({
      orderId,
      orderStatus: 2,
      violations: [{ code: parking.code, processStatus: 2 }],
    });
    const detail = await h.client.getOrderDetail({ token: token!, orderId });
    expect(detail).toMatchObject({ orderId, orderStatus: 2, orderPriceFen: totalPriceFen, plateNumber: '沪C3342Y' });
    expect(detail.orderPayTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(detail.violations[0]).toMatchObject({ code: parking.code, fineFen: parking.fineFen });

    // The same outOrderNo again: 1117, recognisable; the same violation in a new order: 1104.
    const repeat = await rejectionOf(
      h.client.createOrder({ token: token!, violationCodes: [parking.code], totalPriceFen, outOrderNo: 'SH-1' }),
    );
    expect(repeat).toBeInstanceOf(DocloudDuplicateOrderError);
    const twice = await rejectionOf(
      h.client.createOrder({ token: token!, violationCodes: [parking.code], totalPriceFen, outOrderNo: 'SH-2' }),
    );
    expect(codeOf(twice)).toBe('1104');
    // Another user's token does not see the order.
    const stranger = await tokenFor('浙A778QZ', '13900000041');
    expect(codeOf(await rejectionOf(h.client.getOrderStatus({ token: stranger.token!, orderId })))).toBe('1102');
  });

  it('1108 for a violation already handled, 1107 for an unknown code or a point violation', async () => {
    const { token, violations } = await tokenFor('浙BCH111', '13900000042');
    const handled = violations.find((v) => v.processStatus === 3)!;
    const order = (codes: string[], outOrderNo: string) =>
      h.client.createOrder({ token: token!, violationCodes: codes, totalPriceFen: 1, outOrderNo });
    expect(codeOf(await rejectionOf(order([handled.code], 'BCH-1')))).toBe('1108');
    expect(codeOf(await rejectionOf(order(['000000-D9'], 'BCH-2')))).toBe('1107');
    const hangzhou = await tokenFor('浙A66688', '13900000043');
    const six = hangzhou.violations.find((v) => v.point === 6)!;
    const hzToken = hangzhou.token!;
    expect(
      codeOf(
        await rejectionOf(
          h.client.createOrder({ token: hzToken, violationCodes: [six.code], totalPriceFen: 1, outOrderNo: 'HZ-1' }),
        ),
      ),
    ).toBe('1107');
  });

  it('1105 for a wrong total, 1106 when nothing is pending, 1103 where 代缴 is not open', async () => {
    const hz = await tokenFor('浙A66688', '13900000044');
    const zero = hz.violations.find((v) => v.point === 0)!;
    const wrong = zero.fineFen + (zero.serviceFeeFen ?? 0) + 1;
    expect(
      codeOf(
        await rejectionOf(
          h.client.createOrder({
            token: hz.token!,
            violationCodes: [zero.code],
            totalPriceFen: wrong,
            outOrderNo: 'HZ-2',
          }),
        ),
      ),
    ).toBe('1105');
    const none = await tokenFor('浙A778QZ', '13900000044');
    expect(
      codeOf(
        await rejectionOf(
          h.client.createOrder({ token: none.token!, violationCodes: ['x'], totalPriceFen: 0, outOrderNo: 'NONE-1' }),
        ),
      ),
    ).toBe('1106');
    const hebei = await h.client.queryViolations({ plateNumber: '冀A12375', engineNo: '5448', needFee: true });
    expect(hebei.violations.every((v) => !v.canSelect)).toBe(true);
    const v = hebei.violations[0];
    const hebeiToken = await h.client.assignToken({ phone: '13900000045', plateNumber: '冀A12375', engineNo: '5448' });
    expect(
      codeOf(
        await rejectionOf(
          h.client.createOrder({
            token: hebeiToken,
            violationCodes: [v.code],
            totalPriceFen: v.fineFen + (v.serviceFeeFen ?? 0),
            outOrderNo: 'HB-1',
          }),
        ),
      ),
    ).toBe('1103');
  });

  it('self-deduct: check the driver, upload the licence, then order point violations with their mark fee', async () => {
    const result = await tokenFor('苏E12361', '13900000045', { deductSelf: true });
    const token = result.token!;
    const points = result.violations.filter((v) => v.point > 0 && v.canSelect);
    expect(points).toHaveLength(2);
    const totalPriceFen = points.reduce((sum, v) => sum + v.fineFen + (v.serviceFeeFen ?? 0) + (v.markFeeFen ?? 0), 0);
    const input = {
      token,
      violationCodes: points.map((v) => v.code),
      totalPriceFen,
      outOrderNo: 'SZ-1',
      driveNum: DRIVER,
      fileNum: '330100123456',
    };

    expect(codeOf(await rejectionOf(h.client.createDeductSelfOrder(input)))).toBe('1001');
    await expect(
      h.client.checkDeductSelf({ token, driveNum: DRIVER, fileNum: '330100123456', carType: '01' }),
    ).resolves.toBe(false);
    expect(
      codeOf(
        await rejectionOf(h.client.checkDeductSelf({ token, driveNum: '330106198805060712', fileNum: '330100123456' })),
      ),
    ).toBe('1001');
    await expect(h.client.checkDeductSelf({ token, driveNum: DRIVER, fileNum: '330100123456' })).resolves.toBe(true);
    const needLicence = await rejectionOf(h.client.createDeductSelfOrder({ ...input, outOrderNo: 'SZ-2' }));
    expect((needLicence as Error).message).toContain('行驶证');
    await h.client.uploadTravelLicense({ token, front: PNG_1X1, back: PNG_1X1 });
    const { orderId } = await h.client.createDeductSelfOrder({ ...input, outOrderNo: 'SZ-3' });
    expect(h.sim.order(orderId)).toMatchObject({ priceFen: totalPriceFen, deductSelf: true });
  });

  it('retries a read and an outOrderNo-keyed create through a 503, creating one order', async () => {
    h.sim.faults.failNext(1);
    await expect(h.client.listConditions()).resolves.not.toHaveLength(0);
    const { token, violations } = await tokenFor('京A1234D', '13900000046');
    const v = violations.find((x) => x.canSelect)!;
    const before = h.sim.host.callsTo('/violation/create/order');
    h.sim.faults.failNext(1);
    const { orderId } = await h.client.createOrder({
      token: token!,
      violationCodes: [v.code],
      totalPriceFen: v.fineFen + (v.serviceFeeFen ?? 0),
      outOrderNo: 'RETRY-1',
    });
    expect(h.sim.host.callsTo('/violation/create/order') - before).toBe(1);
    expect(h.sim.order(orderId)).toMatchObject({ outOrderNo: 'RETRY-1', codes: [v.code] });
  });
});

describe('order ids across a restart of the simulator', () => {
  it('a restarted simulator never gives an id of the run before it', async () => {
    const order = async (harness: Harness, outOrderNo: string) => {
      const { token, violations } = await harness.client.queryViolations({
        plateNumber: '沪C3342Y',
        vin: 'LSVAM4187C2184847',
        engineNo: '0018835448DT',
        phone: '13900000041',
        needFee: true,
      });
      const [parking] = violations;
      const totalPriceFen = parking.fineFen + (parking.serviceFeeFen ?? 0);
      return (
        await harness.client.createOrder({ token: token!, violationCodes: [parking.code], totalPriceFen, outOrderNo })
      ).orderId;
    };
    const first = await startHarness({ queryLatencyMs: 0, orderProcessMs: null });
    const before = await order(first, 'RESTART-1');
    await first.close();
    const second = await startHarness({ queryLatencyMs: 0, orderProcessMs: null });
    try {
      expect(Number(await order(second, 'RESTART-2'))).toBeGreaterThan(Number(before));
    } finally {
      await second.close();
    }
  });
});
