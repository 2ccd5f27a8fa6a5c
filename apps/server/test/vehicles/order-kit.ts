import { OrdersService } from '../../src/orders/orders.service.js';
import { ViolationOrder } from '../../src/vehicles/entities/violation-order.entity.js';
import type { TestApp } from '../support/test-app.js';
import { addCar, auth, docloud, findPlate, newUser, payable, waitFor, type TestUser } from './support.js';

let keys = 0;

/** Helpers of the order suites, over the suite's app (read lazily: it starts in beforeAll). */
export function orderKit(app: () => TestApp) {
  const newKey = () => `test-${process.pid}-${++keys}-${Date.now()}`;

  /** A user with a queried car and `min` violations it can pay (`codes`). */
  async function carWithPayable(min = 2, plate?: string) {
    const t = app();
    const sim = docloud(t);
    const user = await newUser(t);
    const plateNumber = plate ?? findPlate(sim, (list) => payable(list).length >= min);
    const car = await addCar(t, user, plateNumber);
    const list = await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token)).expect(200);
    const codes = (list.body.items as { code: string; canSelect: boolean }[])
      .filter((v) => v.canSelect)
      .map((v) => v.code);
    expect(codes.length).toBeGreaterThanOrEqual(min);
    return { user, car, plateNumber, codes: codes.slice(0, min) };
  }

  const order = (user: TestUser, body: object, key?: string) => {
    const call = app().http.post('/api/vehicles/orders').set(auth(user.token));
    if (key) call.set('Idempotency-Key', key);
    return call.send(body);
  };
  const getOrder = (user: TestUser, id: number) => app().http.get(`/api/vehicles/orders/${id}`).set(auth(user.token));
  const untilStatus = (user: TestUser, id: number, status: string) =>
    waitFor(async () => {
      const response = await getOrder(user, id);
      return response.body.status === status ? response.body : undefined;
    }, `order ${id} ${status}`);
  /** The order's steps by type, as the merchant's timeline has them (the user's carries no type). */
  const eventTypes = async (body: { id: number }) =>
    (await app().app.get(OrdersService).timeline(body.id)).map((e) => `${e.type}${e.toStatus ? `:${e.toStatus}` : ''}`);
  const detailOf = (orderId: number) => app().dataSource.getRepository(ViolationOrder).findOneByOrFail({ orderId });
  /** Makes an order look quiet for ten minutes, as the status job sees it. */
  const backdate = async (orderId: number) => {
    await app()
      .dataSource.getRepository(ViolationOrder)
      .update({ orderId }, { lastVendorUpdateAt: new Date(Date.now() - 10 * 60_000) });
  };

  return { newKey, carWithPayable, order, getOrder, untilStatus, eventTypes, detailOf, backdate };
}
