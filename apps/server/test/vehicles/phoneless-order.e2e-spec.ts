import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { VehicleCar } from '../../src/vehicles/entities/car.entity.js';
import { orderKit } from './order-kit.js';
import { addCar, auth, docloud, findPlate, nextPhone, payable } from './support.js';

const ASSIGN = '/violation/assign/token';
const QUERY = '/violation/query/1.0';
const CREATE = '/violation/create/order';

/**
 * The document's own case for 《获取token》: a user who gave no phone queries violations (allowed
 * outside 浙江), and a query without a phone answers no token. Paying then asks for the phone once,
 * and the server gets the token with 《获取token》 (free) instead of a second, billed query.
 */
describe.each(testDatabases())('vehicles: paying violations of a car queried without a phone (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // The direct credit path (the merchant's account advances everything, no payment step): the
    // prepaid path has its own suite, test/payments/violation-payment.e2e-spec.ts.
    t = await startTestApp(kind, { VIOLATION_PREPAY: 'off' });
  });
  afterAll(() => t.close());

  const { newKey, order } = orderKit(() => t);

  async function phonelessCarWithPayable() {
    const user = { token: await t.loginUser(), phone: '' };
    const plateNumber = findPlate(docloud(t), (list) => payable(list).length >= 1, '沪C');
    const car = await addCar(t, user, plateNumber, { phone: undefined });
    const list = await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token)).expect(200);
    const codes = (list.body.items as { code: string; canSelect: boolean }[])
      .filter((v) => v.canSelect)
      .map((v) => v.code);
    return { user, car, codes: codes.slice(0, 1) };
  }

  it('asks for the phone before the first order, then gets the token with 《获取token》 and orders', async () => {
    const sim = docloud(t);
    const { user, car, codes } = await phonelessCarWithPayable();
    expect(codes).toHaveLength(1);
    expect((await t.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: car.id })).vendorToken).toBeNull();

    const quote = await t.http
      .post(`/api/vehicles/cars/${car.id}/quote`)
      .set(auth(user.token))
      .send({ codes })
      .expect(200);
    expect(quote.body.phoneNeeded).toBe(true);

    const calls = () => [ASSIGN, QUERY, CREATE].map((path) => sim.host.callsTo(path));
    const before = calls();
    const key = newKey();
    const refused = await order(user, { carId: car.id, codes, expectedTotalFen: quote.body.totalFen }, key).expect(400);
    expect(refused.body).toMatchObject({ code: 'PHONE_REQUIRED', fields: { phone: '请填写车主手机号' } });
    expect(refused.body.message).toContain('手机号');
    const badPhone = await order(user, { carId: car.id, codes, phone: '12345' }, newKey()).expect(400);
    expect(badPhone.body.fields.phone).toContain('11 位手机号');
    expect(calls()).toEqual(before);

    const phone = nextPhone();
    const placed = await order(user, { carId: car.id, codes, expectedTotalFen: quote.body.totalFen, phone }, newKey());
    expect(placed.status).toBe(201);
    const [assigns, queries, creates] = calls().map((count, i) => count - before[i]);
    expect({ assigns, queries, creates }).toEqual({ assigns: 1, queries: 0, creates: 1 });

    // The phone is the user's now (masked in the garage, encrypted at rest) and the car keeps its token.
    const garage = await t.http.get('/api/vehicles/cars').set(auth(user.token)).expect(200);
    expect(garage.body.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const stored = await t.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: car.id });
    expect(stored.vendorToken).toMatch(/^\d{16}$/);
  });

  it('a user who has a phone but whose car was queried without it orders without being asked again', async () => {
    const sim = docloud(t);
    const { user, car, codes } = await phonelessCarWithPayable();
    // The phone given later on the car (for another city, say) is the user's: no question at the order.
    const phone = nextPhone();
    await t.http.patch(`/api/vehicles/cars/${car.id}`).set(auth(user.token)).send({ phone }).expect(200);
    const quote = await t.http
      .post(`/api/vehicles/cars/${car.id}/quote`)
      .set(auth(user.token))
      .send({ codes })
      .expect(200);
    expect(quote.body.phoneNeeded).toBe(false);
    const assigns = sim.host.callsTo(ASSIGN);
    await order(user, { carId: car.id, codes, expectedTotalFen: quote.body.totalFen }, newKey()).expect(201);
    expect(sim.host.callsTo(ASSIGN) - assigns).toBe(1);
  });

  it('a ticket priced for a user with no phone (直通车): the phone is asked with it, saved, and the car gets its token', async () => {
    const { user, car } = await phonelessCarWithPayable();
    const ticket = {
      city: '上海市',
      time: '2025-04-02 14:00',
      location: '虹桥路延安西路口',
      lawCode: '1344',
      reason: '机动车违反禁令标志指示',
      fineYuan: 100,
      points: 0,
    };
    const path = `/api/vehicles/cars/${car.id}/manual-quote`;
    const refused = await t.http
      .post(path)
      .set(auth(user.token))
      .send({ items: [ticket] })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'PHONE_REQUIRED', fields: { phone: '请填写车主手机号' } });
    const phone = nextPhone();
    const priced = await t.http
      .post(path)
      .set(auth(user.token))
      .send({ items: [ticket], phone })
      .expect(200);
    expect(priced.body.items).toHaveLength(1);
    expect(priced.body.items[0]).toMatchObject({ fineFen: 10000, canSelect: true });
    const stored = await t.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: car.id });
    expect(stored.vendorToken).toMatch(/^\d{16}$/);
    const garage = await t.http.get('/api/vehicles/cars').set(auth(user.token)).expect(200);
    expect(garage.body.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  });
});
