import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { MerchantAuditLog } from '../../src/merchant/audit/merchant-audit-log.entity.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { Refund } from '../../src/payments/entities/refund.entity.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  CREATE_PATH,
  INSPECTION_PRICE,
  quotedCar,
  setInspectionPrice,
  settle,
  startPayment,
  unpaidOrder,
  wechatpay,
} from '../payments/support.js';
import { auth, docloud, placeOrder, rawRows } from './support.js';

/**
 * 待核实: Docloud has the order (its 1142 proved it) but its id was lost with the create call's
 * answer. The merchant settles it: enters the id (adopt) or closes the order (refund if paid).
 */
describe.each(testDatabases())('inspection: settling a 待核实 order (%s)', (kind) => {
  let t: TestApp;
  let owner: string;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    docloud(t);
    owner = await t.loginMerchant('owner');
    staff = await t.loginMerchant('clerk', 'staff');
  });
  afterAll(() => t.close());

  const adopt = (orderId: number, vendorOrderId: unknown, token = owner) =>
    t.http.post(`/api/merchant/orders/${orderId}/inspection/vendor-order`).set(auth(token)).send({ vendorOrderId });
  const close = (orderId: number, reason: unknown, token = owner) =>
    t.http.post(`/api/merchant/orders/${orderId}/inspection/close`).set(auth(token)).send({ reason });
  const audits = (action: string, orderId: number) =>
    t.dataSource.getRepository(MerchantAuditLog).findBy({ action, target: `order:${orderId}` });

  /** Docloud's order ids for the car of an order (the one the lost answer carried, among them). */
  async function vendorIdsOf(orderId: number): Promise<number[]> {
    const detail = (await rawRows(t, 'inspection_orders')).find((row) => Number(row.order_id) === orderId);
    return docloud(t).inspectionOrdersByCar().get(Number(detail?.vendor_car_id)) ?? [];
  }

  /** An order placed on credit whose create answer was lost; the user's retry met 1142: 待核实. */
  async function unknownIdOrder(device: string): Promise<{ token: string; orderId: number }> {
    const { token, carId } = await quotedCar(t, device);
    docloud(t).faults.loseNextAnswer(1, 'fail', CREATE_PATH);
    await placeOrder(t, token, carId, 11800).expect(503);
    const retried = await placeOrder(t, token, carId, 11800).expect(201);
    expect(retried.body).toMatchObject({ status: 'processing', worderLabel: '待核实' });
    return { token, orderId: retried.body.id };
  }

  it('adopts the vendor id: checked with Docloud, the order goes on with its vendor status, audited', async () => {
    const { token, orderId } = await unknownIdOrder('settle-adopt');
    const [vendorOrderId] = await vendorIdsOf(orderId);

    // Staff may look, not settle; a malformed or unknown id is refused with what to do.
    await adopt(orderId, String(vendorOrderId), staff).expect(403);
    expect((await adopt(orderId, 'ABC-1').expect(400)).body.fields.vendorOrderId).toBe(
      '供应商单号应为数字（最多 32 位），请核对',
    );
    const unknown = await adopt(orderId, '987654321').expect(422);
    expect(unknown.body.code).toBe('VENDOR_ORDER_NOT_FOUND');
    expect(unknown.body.message).toContain('请核对供应商单号');

    const adopted = await adopt(orderId, ` ${vendorOrderId} `).expect(200);
    expect(adopted.body).toMatchObject({ vendorOrderId: String(vendorOrderId) });
    expect(adopted.body.vendorStatus).not.toBe('待核实');
    expect(['processing', 'pending']).toContain(adopted.body.status);
    expect(adopted.body.events.map((e: { message: string }) => e.message)).toContain(
      `已核实服务商订单号 ${vendorOrderId}，订单继续办理`,
    );
    const row = (await rawRows(t, 'orders')).find((o) => Number(o.id) === orderId);
    expect(row?.vendor_ref).toBe(String(vendorOrderId));
    // The user sees the vendor's step, not 待核实; the status job now asks about it.
    const mine = await t.http.get(`/api/inspection/orders/${orderId}`).set(auth(token)).expect(200);
    expect(mine.body.worderLabel).not.toBe('待核实');
    const audit = await audits('order_adopt_vendor_id', orderId);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details ?? '{}')).toEqual({ vendorOrderId: String(vendorOrderId) });

    // Settled: a second try is a clear 409.
    const again = await adopt(orderId, String(vendorOrderId)).expect(409);
    expect(again.body).toMatchObject({ code: 'ORDER_NOT_UNKNOWN_ID' });
    expect(again.body.message).toContain('只有“待核实”的年检订单可以填写供应商单号或关闭');
  });

  it('refuses another user’s vendor order and an id already attached to an order', async () => {
    const a = await unknownIdOrder('settle-a');
    const b = await unknownIdOrder('settle-b');
    const [idOfA] = await vendorIdsOf(a.orderId);
    const [idOfB] = await vendorIdsOf(b.orderId);
    // Docloud answers that it is not this user's order.
    expect((await adopt(b.orderId, String(idOfA)).expect(422)).body.code).toBe('VENDOR_ORDER_NOT_FOUND');
    await adopt(a.orderId, String(idOfA)).expect(200);
    const taken = await adopt(b.orderId, String(idOfA)).expect(409);
    expect(taken.body).toMatchObject({
      code: 'VENDOR_ORDER_TAKEN',
      message: `该供应商单号已关联订单 #${a.orderId}，请核对`,
    });
    await adopt(b.orderId, String(idOfB)).expect(200);
  });

  it('refuses to close an order that is not 待核实; an unpaid 待核实 order closes without a refund', async () => {
    const { orderId } = await unknownIdOrder('settle-close-credit');
    await adopt(orderId, String((await vendorIdsOf(orderId))[0])).expect(200);
    expect((await close(orderId, '用户要求取消').expect(409)).body.code).toBe('ORDER_NOT_UNKNOWN_ID');

    const other = await unknownIdOrder('settle-close-credit-2');
    expect((await close(other.orderId, '').expect(400)).body.fields.reason).toBe('请填写关闭原因');
    await close(other.orderId, '用户要求取消', staff).expect(403);
    const closed = await close(other.orderId, '用户要求取消').expect(200);
    expect(closed.body).toMatchObject({ status: 'cancelled', worderLabel: '已关闭' });
    expect(await t.dataSource.getRepository(Refund).countBy({ orderId: other.orderId })).toBe(0);
    expect(await audits('order_close', other.orderId)).toHaveLength(1);
    expect((await close(other.orderId, '用户要求取消').expect(409)).body.code).toBe('ORDER_NOT_UNKNOWN_ID');
    expect((await close(999_999, '用户要求取消').expect(404)).body.message).toBe('订单不存在');
  });

  it('closing a paid 待核实 order refunds what was paid, once', async () => {
    await setInspectionPrice(t, INSPECTION_PRICE);
    const { token, orderId, orderNo } = await unpaidOrder(t, 'settle-paid');
    await startPayment(t, token, orderNo);
    docloud(t).faults.loseNextAnswer(1, 'fail', CREATE_PATH);
    wechatpay(t).pay(orderNo);
    await settle(t);
    await t.dataSource.getRepository(Payment).update({ orderId }, { fulfilNextAt: new Date(Date.now() - 1000) });
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    const before = await t.http.get(`/api/inspection/orders/${orderId}`).set(auth(token)).expect(200);
    expect(before.body).toMatchObject({ worderLabel: '待核实', payment: { status: 'paid' } });

    const closed = await close(orderId, '服务商确认未办理').expect(200);
    expect(closed.body.status).toBe('cancelled');
    await settle(t);
    const refunds = await t.dataSource.getRepository(Refund).findBy({ orderId });
    expect(refunds.map((r) => [r.amountFen, r.reason])).toEqual([[INSPECTION_PRICE, '年检订单关闭：服务商确认未办理']]);
    const payment = await t.dataSource.getRepository(Payment).findOneByOrFail({ orderId });
    expect(payment.refundedFen).toBe(INSPECTION_PRICE);
    expect(payment.status).toBe('refunded');
    const audit = await audits('order_close', orderId);
    expect(JSON.parse(audit[0].details ?? '{}')).toMatchObject({
      reason: '服务商确认未办理',
      refundFen: INSPECTION_PRICE,
    });
    await close(orderId, '服务商确认未办理').expect(409);
    expect(await t.dataSource.getRepository(Refund).countBy({ orderId })).toBe(1);
  });
});
