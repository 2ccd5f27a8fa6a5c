import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { findPlate } from '../vehicles/support.js';
import { addGarageCar, auth, docloud, placeOrder, saveCar } from './support.js';

const untreated = <V extends { processStatus: number }>(list: V[]) => list.filter((v) => v.processStatus === 1);

describe.each(testDatabases())('inspection: a car that cannot pass is not taken (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const preOrder = (token: string, carId: number) =>
    t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
  const queryViolations = (token: string, carId: number) =>
    t.http.post(`/api/vehicles/cars/${carId}/violations/query`).set(auth(token)).expect(200);

  it('refuses the order of a car with untreated violations, saying why and how many points', async () => {
    const sim = docloud(t);
    const plate = findPlate(sim, (list) => untreated(list).some((v) => v.point > 0), '浙B');
    const token = await t.loginUser('inspection-violations');
    const carId = await addGarageCar(t, token, plate);
    await saveCar(t, token, carId).expect(200);
    const queried = await queryViolations(token, carId);
    const open = untreated(queried.body.items as { processStatus: number }[]).length;
    expect(open).toBeGreaterThan(0);

    const pre = await preOrder(token, carId);
    expect(pre.body.violations).toMatchObject({ state: 'untreated', blocking: true, untreated: open });
    expect(pre.body.violations.totalPoints).toBeGreaterThan(0);
    expect(pre.body.violations.message).toContain(`${open} 条未处理的违章`);
    expect(pre.body.violations.message).toContain(`记 ${pre.body.violations.totalPoints} 分`);

    const creates = sim.host.callsTo('/inspection/v2/order/create');
    const refused = await placeOrder(t, token, carId, pre.body.priceFen).expect(422);
    expect(refused.body).toMatchObject({ code: 'VIOLATIONS_UNTREATED' });
    expect(refused.body.message).toContain('违章处理完毕前不能办理年检');
    expect(sim.host.callsTo('/inspection/v2/order/create')).toBe(creates);
  });

  it('warns, without refusing, about a car whose violations were never queried, and says nothing of a clear one', async () => {
    const sim = docloud(t);
    const token = await t.loginUser('inspection-unqueried');
    const never = await addGarageCar(t, token);
    await saveCar(t, token, never).expect(200);
    const pre = await preOrder(token, never);
    expect(pre.body.violations).toMatchObject({ state: 'unknown', blocking: false, queriedAt: null });
    expect(pre.body.violations.message).toContain('建议先查询违章');

    const clearPlate = findPlate(sim, (list) => untreated(list).length === 0, '浙B');
    const clear = await addGarageCar(t, token, clearPlate);
    await saveCar(t, token, clear).expect(200);
    await queryViolations(token, clear);
    expect((await preOrder(token, clear)).body.violations).toMatchObject({
      state: 'clear',
      blocking: false,
      message: '',
    });
    await placeOrder(t, token, clear, (await preOrder(token, clear)).body.priceFen).expect(201);
  });
});
