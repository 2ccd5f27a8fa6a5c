import {
  verifyViolationChangeCallback,
  type DocloudApiError,
  buildSignedQuery,
  type DocloudViolationChangeEvent,
} from '@banshi/vendor-clients/docloud';
import { APP_KEY, APP_SECRET, rejectionOf, startHarness, waitFor, type Harness } from './test-support/harness.js';

/**
 * 《查询违章条数》 and 《车辆违章监控》 against the simulator. 浙A12375 has one untreated violation
 * in 杭州, one elsewhere in 浙江 (金华) and one in 河北 (邢台).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ orderProcessMs: null });
});
afterAll(() => h.close());

const codeOf = (error: unknown) => (error as DocloudApiError).code;
const car = (plateNumber: string) => ({
  carType: '02' as const,
  plateNumber,
  vin: 'LSVAM4187C2184847',
  engineNo: '0018835448DT',
});

function changes(plate: string): DocloudViolationChangeEvent[] {
  return h.receiver
    .at('/docloud/violation')
    .map((callback) => verifyViolationChangeCallback(callback, { appKey: APP_KEY, appSecret: APP_SECRET }))
    .filter((event) => event.plateNumber === plate);
}

describe('violation counts', () => {
  it('listCountCities: provinces with their prefix, municipalities without cities', async () => {
    const provinces = await h.client.listCountCities();
    expect(provinces.find((p) => p.province === '北京市')).toEqual({ province: '北京市', prefix: '京', cities: [] });
    const zhejiang = provinces.find((p) => p.prefix === '浙');
    expect(zhejiang?.cities).toEqual(
      expect.arrayContaining([
        { city: '杭州市', cityPrefix: '浙A' },
        { city: '宁波市', cityPrefix: '浙B' },
      ]),
    );
  });

  it('queryCounts: untreated violations by home city, home province and elsewhere', async () => {
    await expect(h.client.queryCounts({ plateNumber: '浙A12375', engineNo: '0018835448DT' })).resolves.toEqual({
      total: 3,
      localCity: 1,
      localProvince: 1,
      otherProvince: 1,
    });
    await expect(h.client.queryCounts({ plateNumber: '浙A778QZ', engineNo: '5448DT', carType: 2 })).resolves.toEqual({
      total: 0,
      localCity: 0,
      localProvince: 0,
      otherProvince: 0,
    });
  });

  it.each([
    ['1030', '浙a12375', '5448DT'],
    ['1031', '皖N55677', '5448DT'],
    ['1032', '浙A12375', '48DT'],
  ])('queryCounts refuses with %s', async (code, plateNumber, engineNo) => {
    expect(codeOf(await rejectionOf(h.client.queryCounts({ plateNumber, engineNo })))).toBe(code);
  });
});

describe('monitored cars', () => {
  it('adds, batch-adds and removes cars', async () => {
    await expect(h.client.addMonitoredCar(car('浙A20001'))).resolves.toBe(true);
    await h.client.addMonitoredCars([car('浙A20002'), car('苏C7233Q'), car('沪C3342Y')]);
    expect(['浙A20001', '浙A20002', '苏C7233Q', '沪C3342Y'].every((p) => h.sim.isMonitored(p))).toBe(true);
    await h.client.removeMonitoredCar({ carType: '02', plateNumber: '浙A20001' });
    await h.client.removeMonitoredCars([
      { carType: '02', plateNumber: '浙A20002' },
      { carType: '02', plateNumber: '沪C3342Y' },
    ]);
    expect(h.sim.isMonitored('浙A20001') || h.sim.isMonitored('浙A20002') || h.sim.isMonitored('沪C3342Y')).toBe(false);
    expect(h.sim.isMonitored('苏C7233Q')).toBe(true);
  });

  it.each([
    ['1032', { ...car('粤B20003'), vin: 'C2184847' }],
    ['1030', car('粤B2')],
    ['1031', car('皖N55677')],
    ['1001', { ...car('粤B20004'), vin: '' }],
  ])('addMonitoredCar refuses with %s', async (code, input) => {
    expect(codeOf(await rejectionOf(h.client.addMonitoredCar(input)))).toBe(code);
  });

  it('answers monitor errors with errCode as a string, as the document’s example does', async () => {
    const body = JSON.stringify({ ...car('粤B20003'), vin: 'C2184847' });
    const answer = await fetch(`${h.sim.url}/monitor/car/add?${buildSignedQuery({}, APP_KEY, APP_SECRET, body)}`, {
      method: 'POST',
      body,
    });
    expect(await answer.json()).toEqual({
      success: false,
      errCode: '1032',
      message: '车架号或发动机号位数错误：需要完整车架号',
    });
  });

  it('stores nothing from a batch with one bad car', async () => {
    const error = await rejectionOf(h.client.addMonitoredCars([car('浙A20005'), car('浙I20006')]));
    expect(codeOf(error)).toBe('1030');
    expect(h.sim.isMonitored('浙A20005')).toBe(false);
  });

  it('calls back with the car’s violations when a new one appears, and not once the car is removed', async () => {
    const plate = '浙A20007';
    await h.client.addMonitoredCar(car(plate));
    const code = h.sim.addViolation(plate, { fine: 150, point: 0, city: '杭州市', address: '文三路学院路口' });
    await waitFor(() => changes(plate).length === 1, 'change callback');
    const [event] = changes(plate);
    if (event.kind !== 'violations-changed') throw new Error(`unexpected ${event.kind}`);
    expect(event.violations.find((v) => v.code === code)).toMatchObject({
      fineFen: 15000,
      point: 0,
      address: '文三路学院路口',
      violationCity: '杭州市',
      processStatus: 1,
      canSelect: true,
    });
    const query = await h.client.queryViolations({ ...car(plate), phone: '13600000001' });
    expect(query.violations.map((v) => v.code)).toContain(code);

    await h.client.removeMonitoredCar({ carType: '02', plateNumber: plate });
    h.sim.addViolation(plate);
    await h.sim.callbacks.idle();
    expect(changes(plate)).toHaveLength(1);
  });

  it('calls back when an order changes a monitored car’s violations', async () => {
    const plate = '沪A1237J';
    await h.client.addMonitoredCar(car(plate));
    const query = await h.client.queryViolations({ ...car(plate), phone: '13600000002', needFee: true });
    const v = query.violations.find((x) => x.canSelect)!;
    await h.client.createOrder({
      token: query.token!,
      violationCodes: [v.code],
      totalPriceFen: v.fineFen + (v.serviceFeeFen ?? 0),
      outOrderNo: 'MON-1',
    });
    await waitFor(() => changes(plate).length === 1, 'change callback');
    const [event] = changes(plate);
    expect(event.kind === 'violations-changed' && event.violations.find((x) => x.code === v.code)?.processStatus).toBe(
      2,
    );
  });

  it('calls back the failure form when monitoring finds the car’s details wrong', async () => {
    await h.client.addMonitoredCar(car('苏E20008'));
    h.sim.failMonitoredCar('苏E20008');
    await waitFor(() => changes('苏E20008').length === 1, 'failure callback');
    expect(changes('苏E20008')[0]).toEqual({
      kind: 'monitor-failed',
      plateNumber: '苏E20008',
      code: '1032',
      message: '车架号或发动机号位数错误',
      // The signed URL timestamp: it dedupes a repeat of one failure whatever the date.
      signedAt: expect.any(Number),
    });
    expect(Math.abs(changes('苏E20008')[0].signedAt - Date.now())).toBeLessThan(60_000);
  });
});
