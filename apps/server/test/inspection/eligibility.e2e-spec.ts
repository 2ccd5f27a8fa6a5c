import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addGarageCar, auth, docloud, eligibleCar, placeOrder, rawRows, saveCar } from './support.js';

describe.each(testDatabases())('inspection: who qualifies for 免检, and what each car needs (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    docloud(t);
  });
  afterAll(() => t.close());

  it('explains an ineligible car rule by rule, does not bind it, and refuses to quote or order it', async () => {
    const sim = docloud(t);
    const token = await t.loginUser('seven-seater');
    const carId = await addGarageCar(t, token, '浙B7E2K4');
    const binds = sim.host.callsTo('/inspection/v2/vehicle/replace');
    const old = `${new Date().getFullYear() - 8}-03-01`;
    const saved = await saveCar(
      t,
      token,
      carId,
      eligibleCar({ carSeats: 7, operationType: 1, isAccidentCar: 1, registerDate: old }),
    ).expect(200);

    expect(saved.body.bound).toBe(false);
    expect(sim.host.callsTo('/inspection/v2/vehicle/replace')).toBe(binds);
    const exemption = saved.body.exemption;
    expect(exemption.eligible).toBe(false);
    expect(exemption.checks).toEqual([
      { rule: 'seats', label: '5座及以下', passed: false, detail: '您的车辆为 7 座' },
      { rule: 'operation', label: '非营运车辆', passed: false, detail: '您的车辆为营运车辆' },
      { rule: 'accident', label: '未发生过伤亡事故', passed: false, detail: '您的车辆发生过伤亡事故' },
      { rule: 'age', label: '注册未满6年', passed: false, detail: `${old} 注册，已满6年` },
    ]);
    expect(exemption.summary).toContain('需到检测站上线检测');
    expect(exemption.stationNotice).toBe('暂不支持预约上线检测，请前往当地检测站');

    const pre = await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(422);
    expect(pre.body.code).toBe('NOT_EXEMPT');
    expect(pre.body.message).toContain('您的车辆为 7 座');
    expect(pre.body.message).toContain('暂不支持预约上线检测，请前往当地检测站');
    const order = await placeOrder(t, token, carId, 11800).expect(422);
    expect(order.body.code).toBe('NOT_EXEMPT');
    expect(await rawRows(t, 'inspection_orders')).toEqual([]);
  });

  it('one failing rule is named alone: a six-year-old car otherwise fine', async () => {
    const token = await t.loginUser('old-car');
    const carId = await addGarageCar(t, token, '浙B7F3K5');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const sixYearsAgo = `${Number(today.slice(0, 4)) - 6}${today.slice(4)}`;
    const saved = await saveCar(t, token, carId, eligibleCar({ registerDate: sixYearsAgo })).expect(200);
    const failed = saved.body.exemption.checks.filter((c: { passed: boolean }) => !c.passed);
    expect(failed.map((c: { rule: string }) => c.rule)).toEqual(['age']);
  });

  it('a company car (公车) gets the two stamped documents and pays ¥30 more', async () => {
    const token = await t.loginUser('company-car');
    const carId = await addGarageCar(t, token, '浙B8G4K6');
    await saveCar(t, token, carId, eligibleCar({ useFor: 1 })).expect(200);
    const pre = await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
    expect(pre.body).toMatchObject({ priceFen: 14800, useFor: 1 });
    const texts = pre.body.materials.map((m: { text: string }) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['单位车辆年检委托书加盖公章', '公司营业执照复印件加盖公章']));
    expect(texts).not.toContain('车主身份证正反面复印件');
    const letter = pre.body.materials.find((m: { text: string }) => m.text === '单位车辆年检委托书加盖公章');
    expect(letter).toEqual({
      text: '单位车辆年检委托书加盖公章',
      hints: ['公章为车辆归属公司的公章，其它信息不需填写'],
      sampleUrl: expect.stringMatching(/\.png$/),
    });

    // The same car as a private car: the stamped documents go, the price drops; the vendor's car id stays.
    const vehicleBefore = (await rawRows(t, 'inspection_vehicles')).find((r) => Number(r.garage_car_id) === carId);
    await saveCar(t, token, carId, eligibleCar({ useFor: 0 })).expect(200);
    const privatePre = await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
    expect(privatePre.body.priceFen).toBe(11800);
    expect(privatePre.body.materials.map((m: { text: string }) => m.text)).toContain('车主身份证正反面复印件');
    const vehicleAfter = (await rawRows(t, 'inspection_vehicles')).find((r) => Number(r.garage_car_id) === carId);
    expect(vehicleAfter?.vendor_car_id).toBe(vehicleBefore?.vendor_car_id);

    // Ordering with the company price the user saw before the change is refused with the new price.
    const stale = await placeOrder(t, token, carId, 14800).expect(409);
    expect(stale.body).toMatchObject({ code: 'PRICE_CHANGED' });
    expect(stale.body.message).toContain('¥118.00');
  });

  it('a registration city without 免检 service is said plainly', async () => {
    const token = await t.loginUser('jiaxing');
    const carId = await addGarageCar(t, token, '浙F1H5K7');
    await saveCar(t, token, carId).expect(200);
    const pre = await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(422);
    expect(pre.body).toMatchObject({ code: 'CITY_NOT_OPEN' });
    expect(pre.body.message).toContain('暂未开通年检代办');
  });

  it('checks the chosen model against the catalogue, and the registration date', async () => {
    const token = await t.loginUser('typo');
    const carId = await addGarageCar(t, token, '浙B9J6K8');
    const wrongSeries = await saveCar(t, token, carId, eligibleCar({ seriesId: 66 })).expect(400);
    expect(wrongSeries.body.message).toBe('所选车型不存在，请重新选择品牌、车系和车型');
    const future = await saveCar(
      t,
      token,
      carId,
      eligibleCar({ registerDate: `${new Date().getFullYear() + 1}-01-01` }),
    ).expect(400);
    expect(future.body.fields).toHaveProperty('registerDate');
    const missing = await t.http.put(`/api/inspection/cars/${carId}`).set(auth(token)).send({}).expect(400);
    expect(Object.keys(missing.body.fields)).toEqual(
      expect.arrayContaining(['brandId', 'seriesId', 'modelId', 'registerDate', 'carSeats', 'useFor']),
    );
    await t.http.put('/api/inspection/cars/999999').set(auth(token)).send(eligibleCar()).expect(404);
    const unfilled = await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(409);
    expect(unfilled.body.code).toBe('CAR_PROFILE_MISSING');
  });
});
