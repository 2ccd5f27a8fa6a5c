import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import { InspectionVendor } from '../../src/inspection/inspection-vendor.service.js';
import { testDatabases } from '../support/databases.js';
import { userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(testDatabases())('inspection catalogue and rules (%s)', (kind) => {
  let t: TestApp;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  beforeAll(async () => {
    t = await startTestApp(kind);
    token = await t.loginUser('catalogue-user');
  });
  afterAll(() => t.close());

  it('explains each rule a car fails, and says station inspection cannot be booked here', async () => {
    const res = await t.http
      .post('/api/inspection/exemption-check')
      .set(auth())
      .send({ registerDate: '2015-05-01', carSeats: 7, operationType: 1, isAccidentCar: 1 })
      .expect(200);
    expect(res.body.eligible).toBe(false);
    expect(res.body.checks.map((c: { rule: string; passed: boolean }) => [c.rule, c.passed])).toEqual([
      ['seats', false],
      ['operation', false],
      ['accident', false],
      ['age', false],
    ]);
    expect(res.body.summary).toContain('您的车辆为 7 座');
    expect(res.body.stationNotice).toBe('暂不支持预约上线检测，请前往当地检测站');
  });

  it('refuses a malformed check with a Chinese message per field, never a 500', async () => {
    const res = await t.http
      .post('/api/inspection/exemption-check')
      .set(auth())
      .send({ registerDate: '2021-02-30', carSeats: 'many', operationType: 3 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(Object.keys(res.body.fields)).toEqual(
      expect.arrayContaining(['carSeats', 'operationType', 'isAccidentCar']),
    );
    const badDay = await t.http
      .post('/api/inspection/exemption-check')
      .set(auth())
      .send({ registerDate: '2021-02-30', carSeats: 5, operationType: 0, isAccidentCar: 0 })
      .expect(400);
    expect(badDay.body.message).toBe('注册日期无效');
  });

  it('cascades brand → series → model and province → city → district, cached for every user', async () => {
    const sim = t.sandbox.get<DocloudSimulator>('docloud');
    const brandsBefore = sim.host.callsTo('/basedata/brand/list');
    const brands = await t.http.get('/api/inspection/brands').set(auth()).expect(200);
    expect(brands.body).toEqual(expect.arrayContaining([{ id: 33, name: '奥迪', initial: 'A' }]));
    const series = await t.http.get('/api/inspection/brands/33/series').set(auth()).expect(200);
    expect(series.body).toEqual(expect.arrayContaining([{ id: 3170, name: 'A3' }]));
    const models = await t.http.get('/api/inspection/series/3170/models').set(auth()).expect(200);
    expect(models.body).toEqual(expect.arrayContaining([{ id: 17053, name: '2014款 30 TFSI 豪华型' }]));

    const other = await t.loginUser('catalogue-other');
    await t.http.get('/api/inspection/brands').set('Authorization', `Bearer ${other}`).expect(200);
    await t.http.get('/api/inspection/brands/33/series').set('Authorization', `Bearer ${other}`).expect(200);
    expect(sim.host.callsTo('/basedata/brand/list') - brandsBefore).toBe(2); // brands once, Audi's series once

    const provinces = await t.http.get('/api/inspection/areas/provinces').set(auth()).expect(200);
    expect(provinces.body).toEqual(expect.arrayContaining([{ id: 4, name: '浙江省' }]));
    const cities = await t.http.get('/api/inspection/areas/provinces/4/cities').set(auth()).expect(200);
    expect(cities.body).toEqual(expect.arrayContaining([{ id: 94, name: '宁波市' }]));
    const districts = await t.http.get('/api/inspection/areas/cities/1/districts').set(auth()).expect(200);
    expect(districts.body).toEqual(expect.arrayContaining([{ id: 1, name: '上城区' }]));
    await t.http.get('/api/inspection/brands/abc/series').set(auth()).expect(404);
  });

  it('a vendor outage on base data is a 503 the user may retry, and is not cached', async () => {
    const sim = t.sandbox.get<DocloudSimulator>('docloud');
    sim.faults.failNext(3, 503);
    const res = await t.http.get('/api/inspection/series/650/models').set(auth()).expect(503);
    expect(res.body).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retryable: true });
    expect(res.body.message).toContain('年检服务');
    await t.http.get('/api/inspection/series/650/models').set(auth()).expect(200);
  });

  it('keeps one vendor token per user, asked with our user id and nothing personal', async () => {
    const rows: { user_id: number; token_enc: string }[] = await t.dataSource.query(
      'SELECT user_id, token_enc FROM inspection_accounts',
    );
    // The second user was answered from the cache, so they never needed a vendor token.
    expect(rows.length).toBe(1);
    for (const row of rows) expect(row.token_enc).toMatch(/^v1\./);
    // The token is the one the vendor gives to `banshi-u-<our user id>`: no personal data is sent.
    const vendor = t.app.get(InspectionVendor);
    const userId = await userIdOf(t, token);
    const stored = await vendor.tokenOf(userId);
    expect(await vendor.client.assignUserToken(`banshi-u-${userId}`)).toBe(stored);
    expect(JSON.stringify(rows)).not.toContain(stored);
  });
});
