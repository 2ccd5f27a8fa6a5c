import type { GarageReader } from '../../src/common/garage/garage-reader.js';
import { GARAGE_READER } from '../../src/common/garage/garage-reader.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCar, auth, ENGINE_NO, newUser, VIN } from './support.js';

describe.each(testDatabases())('vehicles: garage (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('lists the open cities with the VIN / engine-number part each asks for', async () => {
    const token = await t.loginUser();
    const response = await t.http.get('/api/vehicles/cities').set(auth(token)).expect(200);
    const byPrefix = (prefix: string) =>
      response.body.cities.find((c: { cityPrefix: string }) => c.cityPrefix === prefix);
    expect(byPrefix('浙A')).toMatchObject({
      city: '杭州市',
      vinLength: 6,
      engineNoLength: 6,
      vinHint: '车架号后6位',
      engineNoHint: '发动机号后6位',
      needsPhone: true,
    });
    expect(byPrefix('京')).toMatchObject({
      vinLength: 0,
      engineNoLength: -1,
      vinHint: '无需车架号',
      needsPhone: false,
    });
    expect(byPrefix('粤B')).toMatchObject({ vinLength: -1, vinHint: '完整车架号' });
    expect(byPrefix('冀A')).toMatchObject({ engineNoLength: 4, engineNoHint: '发动机号后4位' });
    expect(response.body.carTypes).toContainEqual({ value: '52', label: '小型新能源汽车' });
  });

  it('adds up to three cars and refuses the fourth with a clear message', async () => {
    const user = await newUser(t);
    const first = await addCar(t, user, '浙A66688');
    expect(first).toMatchObject({
      plateNumber: '浙A**688',
      carType: '02',
      carTypeLabel: '小型汽车',
      city: '杭州市',
      vin: '**4847',
      engineNo: '**48DT',
      vinHint: '车架号后6位',
      monitor: { enabled: false, state: 'off' },
      violations: { untreated: 0, queriedAt: null },
    });
    // New-energy plates are eight characters; Beijing asks for the whole engine number and no VIN.
    const second = await addCar(t, user, '京AF12345', { vin: undefined, carType: '52' });
    expect(second).toMatchObject({ plateNumber: '京A***345', carType: '52', vin: null, engineNo: '********48DT' });
    await addCar(t, user, '粤BD12345', { carType: '52' });

    const fourth = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '苏E12361', vin: VIN, engineNo: ENGINE_NO, consent: true })
      .expect(409);
    expect(fourth.body).toEqual({
      code: 'GARAGE_FULL',
      message: '车库最多添加 3 辆车，您已添加 3 辆；请先删除一辆后再添加',
    });

    const garage = await t.http.get('/api/vehicles/cars').set(auth(user.token)).expect(200);
    expect(garage.body.items.map((c: { plateNumber: string }) => c.plateNumber)).toEqual([
      '浙A**688',
      '京A***345',
      '粤B***345',
    ]);
    expect(garage.body).toMatchObject({ limit: 3, phone: `${user.phone.slice(0, 3)}****${user.phone.slice(-4)}` });

    // Removing one makes room again.
    await t.http.delete(`/api/vehicles/cars/${second.id}`).set(auth(user.token)).expect(204);
    await addCar(t, user, '苏E12361');
  });

  it('three concurrent adds past the limit leave exactly three cars', async () => {
    const user = await newUser(t);
    await addCar(t, user, '浙A10001');
    const plates = ['浙A10002', '浙A10003', '浙A10004', '浙A10005'];
    const answers = await Promise.all(
      plates.map((plateNumber) =>
        t.http
          .post('/api/vehicles/cars')
          .set(auth(user.token))
          .send({ plateNumber, vin: VIN, engineNo: ENGINE_NO, phone: user.phone, consent: true }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 409, 409]);
    const garage = await t.http.get('/api/vehicles/cars').set(auth(user.token)).expect(200);
    expect(garage.body.items).toHaveLength(3);
  });

  it.each([
    ['浙A1234', 'PLATE_INVALID', '普通车牌共 7 位'],
    ['AA12345', 'PLATE_INVALID', '省份简称'],
    ['粤BX12345', 'PLATE_INVALID', '新能源车牌格式有误'],
    ['浙AO1234', 'PLATE_INVALID', '不含字母 I 和 O'],
    ['皖N55677', 'CITY_NOT_OPEN', '暂不支持皖N车辆的违章查询'],
  ])('refuses the plate %s (%s)', async (plateNumber, code, message) => {
    const user = await newUser(t);
    const response = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber, vin: VIN, engineNo: ENGINE_NO, phone: user.phone, consent: true });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.code).toBe(code);
    expect(response.body.message).toContain(message);
  });

  it('accepts the special plates (警, 学, 挂 …) and checks the car type against the plate and the city', async () => {
    const user = await newUser(t);
    expect((await addCar(t, user, '浙A1234警')).plateNumber).toBe('浙A**34警');
    expect((await addCar(t, user, '苏E1234学', { engineNo: undefined })).plateNumber).toBe('苏E**34学');
    // A trailer plate is a trailer, and 石家庄 does not take trailers.
    const trailer = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '冀A1234挂', carType: '15', engineNo: '1234', consent: true })
      .expect(400);
    expect(trailer.body).toMatchObject({ code: 'CAR_TYPE_UNSUPPORTED', message: '石家庄市暂不支持查询挂车的违章' });
    const notTrailer = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '冀A1234挂', carType: '02', engineNo: '1234', consent: true })
      .expect(400);
    expect(notTrailer.body).toMatchObject({
      code: 'CAR_TYPE_MISMATCH',
      message: '该车牌对应的车辆类型应为挂车，请重新选择',
    });
  });

  it('refuses VIN and engine numbers that do not fit the city, saying how many characters it needs', async () => {
    const user = await newUser(t);
    const shortVin = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '浙A66688', vin: '4847', engineNo: ENGINE_NO, phone: user.phone, consent: true })
      .expect(400);
    expect(shortVin.body).toMatchObject({
      code: 'CAR_NUMBERS_INVALID',
      message: '该城市需要车架号后6位，您填写了 4 位',
      fields: { vin: '该城市需要车架号后6位，您填写了 4 位' },
    });
    // 深圳 wants the whole VIN.
    const partVin = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '粤B12345', vin: '184847', engineNo: ENGINE_NO, consent: true })
      .expect(400);
    expect(partVin.body.message).toBe('该城市需要完整车架号（17 位），您填写了 6 位');
    const noEngine = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '京A12345', consent: true })
      .expect(400);
    expect(noEngine.body.fields).toEqual({ engineNo: '请填写完整发动机号' });
    // A car type the plate cannot be, and no consent.
    const wrongType = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '浙A66688', carType: '52', vin: VIN, engineNo: ENGINE_NO, phone: user.phone, consent: true })
      .expect(400);
    expect(wrongType.body.code).toBe('CAR_TYPE_MISMATCH');
    const noConsent = await t.http
      .post('/api/vehicles/cars')
      .set(auth(user.token))
      .send({ plateNumber: '浙A66688', vin: VIN, engineNo: ENGINE_NO, phone: user.phone })
      .expect(400);
    expect(noConsent.body.message).toBe('请先阅读并同意《车辆信息使用说明》后再提交');
  });

  it('asks for the phone where the vendor needs one (浙江)', async () => {
    const token = await t.loginUser();
    const response = await t.http
      .post('/api/vehicles/cars')
      .set(auth(token))
      .send({ plateNumber: '浙A66688', vin: VIN, engineNo: ENGINE_NO, consent: true })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'PHONE_REQUIRED', fields: { phone: '请填写车主手机号' } });
    const badPhone = await t.http
      .post('/api/vehicles/cars')
      .set(auth(token))
      .send({ plateNumber: '浙A66688', vin: VIN, engineNo: ENGINE_NO, phone: '12345', consent: true })
      .expect(400);
    expect(badPhone.body.message).toBe('请填写正确的 11 位手机号');
  });

  it('keeps the plate, VIN, engine number and phone out of the database in clear', async () => {
    const user = await newUser(t);
    const car = await addCar(t, user, '浙A88888');
    const [row] = await t.dataSource.query(`SELECT * FROM vehicle_cars WHERE id = ${Number(car.id)}`);
    const text = JSON.stringify(row);
    for (const secret of ['浙A88888', '88888', '184847', '5448DT', user.phone]) expect(text).not.toContain(secret);
    expect(row.plate_enc).toMatch(/^v1\./);
    expect(row.vin_enc).toMatch(/^v1\./);
    expect(row.engine_no_enc).toMatch(/^v1\./);
    expect(row.plate_index).toMatch(/^[0-9a-f]{64}$/);
    const [userRow] = await t.dataSource.query(
      `SELECT phone_enc FROM users WHERE phone_last4 = '${user.phone.slice(-4)}' ORDER BY id DESC`,
    );
    expect(userRow.phone_enc).toMatch(/^v1\./);
  });

  it('another user cannot see, change or remove my car (404)', async () => {
    const owner = await newUser(t);
    const car = await addCar(t, owner, '浙A12354');
    const other = await newUser(t);
    const garage = await t.http.get('/api/vehicles/cars').set(auth(other.token)).expect(200);
    expect(garage.body.items).toEqual([]);
    const paths = [
      ['get', `/api/vehicles/cars/${car.id}`],
      ['patch', `/api/vehicles/cars/${car.id}`],
      ['delete', `/api/vehicles/cars/${car.id}`],
      ['get', `/api/vehicles/cars/${car.id}/violations`],
      ['post', `/api/vehicles/cars/${car.id}/violations/query`],
      ['put', `/api/vehicles/cars/${car.id}/monitor`],
      ['post', `/api/vehicles/cars/${car.id}/quote`],
    ] as const;
    for (const [method, path] of paths) {
      const body = method === 'put' ? { enabled: true } : method === 'post' ? { codes: ['x'] } : {};
      const response = await t.http[method](path).set(auth(other.token)).send(body);
      expect([path, response.status, response.body.message]).toEqual([path, 404, '车辆不存在或已删除']);
    }
    // The owner still has it, unchanged.
    await t.http.get(`/api/vehicles/cars/${car.id}`).set(auth(owner.token)).expect(200);
    // Without a login there is nothing at all.
    await t.http.get('/api/vehicles/cars').expect(401);
  });

  it('edits the car type and numbers, keeping what is left out', async () => {
    const user = await newUser(t);
    const car = await addCar(t, user, '苏A12345');
    const edited = await t.http
      .patch(`/api/vehicles/cars/${car.id}`)
      .set(auth(user.token))
      .send({ carType: '01', vin: 'LSVAM4187C2199999' })
      .expect(200);
    expect(edited.body).toMatchObject({ carType: '01', vin: '**9999', engineNo: '**48DT' });
    const bad = await t.http
      .patch(`/api/vehicles/cars/${car.id}`)
      .set(auth(user.token))
      .send({ engineNo: '12' })
      .expect(400);
    expect(bad.body.fields.engineNo).toBe('该城市需要发动机号后6位，您填写了 2 位');
  });

  it('gives other services the garage through GARAGE_READER, per user', async () => {
    const user = await newUser(t);
    const car = await addCar(t, user, '鲁B12345');
    const reader = t.app.get<GarageReader>(GARAGE_READER, { strict: false });
    const me = await t.http.get('/api/me').set(auth(user.token)).expect(200);
    expect(await reader.listCars(me.body.id)).toEqual([
      { id: car.id, userId: me.body.id, plateNumber: '鲁B12345', carType: '02' },
    ]);
    expect(await reader.getCar(me.body.id, car.id)).toMatchObject({ plateNumber: '鲁B12345' });
    expect(await reader.getCar(me.body.id + 1000, car.id)).toBeUndefined();
  });
});
