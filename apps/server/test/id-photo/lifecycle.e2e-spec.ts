import { OrdersService } from '../../src/orders/orders.service.js';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { IdPhotoOrder } from '../../src/id-photo/entities/id-photo-order.entity.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import {
  ADDRESS,
  bearer,
  startZjzApp,
  fetchSigned,
  ID_CARD_PARAM,
  orderDetail,
  uploadPhoto,
  waitForOrder,
} from './support.js';

describe.each(testDatabases())('id-photo order lifecycle (%s)', (kind) => {
  let t: TestApp, sim: ZjzSimulator, token: string;
  beforeAll(async () => ({ t, sim, token } = await startZjzApp(kind)));
  afterAll(() => t.close());
  afterEach(async () => {
    await sim.idle();
    sim.clearRejections();
  });

  async function order(body: Record<string, unknown> = {}, itemId = 21) {
    const photo = await uploadPhoto(t, token, itemId);
    const created = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({ photoId: photo.id, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true, ...body })
      .expect(201);
    const vendorRef = (
      await t.dataSource.getRepository(IdPhotoOrder).findOneByOrFail({ orderId: created.body.order.id })
    ).vendorOrderNo;
    return { orderId: created.body.order.id as number, vendorRef, photoId: photo.id };
  }

  it('rejected → the reason is shown → corrected and resubmitted → done', async () => {
    sim.rejectNext('照片背景不是纯白色，请更换背景后重新提交');
    const { orderId, vendorRef } = await order();
    const rejected = await waitForOrder(t, token, orderId, 'action_required');
    expect(rejected.details).toMatchObject({
      rejectMsg: '照片背景不是纯白色，请更换背景后重新提交',
      canResubmit: true,
      canCancel: false,
      round: 1,
    });

    // A wrong correction is refused before anything reaches the vendor.
    const bad = await t.http
      .post(`/api/id-photo/orders/${orderId}/resubmit`)
      .set(...bearer(token))
      .send({ param: { text_mobile: '12345' } })
      .expect(400);
    expect(bad.body.fields).toEqual({ 'param.text_mobile': '手机号应为11位手机号码，请检查' });
    expect(sim.order(vendorRef)?.submissions).toBe(1);

    // A new photo and a corrected city; the rest keeps its values.
    const retake = await uploadPhoto(t, token, 21);
    const resubmitted = await t.http
      .post(`/api/id-photo/orders/${orderId}/resubmit`)
      .set(...bearer(token))
      .send({ photoId: retake.id, param: { text_city: '广州', text_idcard: '' } })
      .expect(200);
    expect(resubmitted.body.order.status).toBe('pending');
    expect(resubmitted.body.details).toMatchObject({ round: 2, rejectMsg: null, photoId: retake.id });
    expect(resubmitted.body.details.params).toContainEqual({ name: 'text_city', label: '办理城市', value: '广州' });
    expect(sim.order(vendorRef)).toMatchObject({ submissions: 2, param: { ...ID_CARD_PARAM, text_city: '广州' } });

    const done = await waitForOrder(t, token, orderId, 'completed');
    expect(done.details.receiptUrl).not.toBeNull();
    expect(done.events.map((e: { type: string; toStatus: string }) => `${e.type}:${e.toStatus}`)).toEqual([
      'created:pending',
      'status_changed:processing',
      'status_changed:action_required',
      'status_changed:pending',
      'status_changed:processing',
      'status_changed:completed',
    ]);
    // The second round's "reviewing" is byte-for-byte the first one's; its own token keeps it apart.
    await sim.idle();
    const reviewing = sim.callbacksFor(vendorRef).filter((delivery) => delivery.body.startsWith('status=2'));
    expect(reviewing).toHaveLength(2);
    expect(reviewing[0].body).toBe(reviewing[1].body);
    expect(reviewing[0].url).not.toBe(reviewing[1].url);
    const applied = await t.dataSource.getRepository(VendorEvent).findBy({ orderId, status: 'applied' });
    expect(applied.filter((event) => event.dedupeKey?.endsWith(':2'))).toHaveLength(2);
  });

  it('resubmitting is refused unless the order was rejected', async () => {
    const { orderId } = await order();
    const response = await t.http
      .post(`/api/id-photo/orders/${orderId}/resubmit`)
      .set(...bearer(token))
      .send({});
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('只有审核未通过的订单可以修改后重新提交');
    await waitForOrder(t, token, orderId, 'completed');
  });

  it('a printed order is processing after its receipt and completed once shipped, with the logistics shown', async () => {
    const { orderId } = await order({ print: ADDRESS }, 32);
    const created = await orderDetail(t, token, orderId);
    expect(created.order.amountFen).toBe(1400);
    expect(created.details.printAddress).toEqual({
      name: '李*',
      phone: '137****1111',
      region: '广东 深圳 南山区',
      address: '科技****',
    });

    const shipped = await waitForOrder(t, token, orderId, 'completed');
    expect(shipped.details.logistics).toEqual({ expressName: expect.any(String), expressNo: expect.any(String) });
    expect(shipped.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'pending',
      'processing',
      'processing',
      'completed',
    ]);
    // 港澳通行证 comes with a print layout.
    expect(shipped.details.printUrl).not.toBeNull();
    expect((await fetchSigned(t, shipped.details.printUrl)).status).toBe(200);
  });

  it('a print order needs a complete address, and nothing is stored when it is not', async () => {
    const photo = await uploadPhoto(t, token, 21);
    const ordersBefore = await t.dataSource.getRepository(IdPhotoOrder).count();
    const vendorOrdersBefore = sim.orders().length;
    const response = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({
        photoId: photo.id,
        color: 'white',
        param: ID_CARD_PARAM,
        agreePrivacy: true,
        print: { ...ADDRESS, district: '' },
      })
      .expect(400);
    expect(response.body.fields).toEqual({ 'print.district': '请填写区县' });
    expect(await t.dataSource.getRepository(IdPhotoOrder).count()).toBe(ordersBefore);
    expect(sim.orders()).toHaveLength(vendorOrdersBefore);
    expect((await t.http.get(`/api/id-photo/photos/${photo.id}`).set(...bearer(token))).body.orderId).toBeNull();
  });

  it('cancels while pending', async () => {
    sim.holdNext();
    const { orderId, vendorRef } = await order();
    const cancelled = await t.http
      .post(`/api/id-photo/orders/${orderId}/cancel`)
      .set(...bearer(token))
      .expect(200);
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(cancelled.body.details.deleteAfter).not.toBeNull();
    expect(sim.order(vendorRef)?.status).toBe(-2);
    await sim.idle();
    // The vendor's own "cancelled" callback changes nothing more.
    const after = await orderDetail(t, token, orderId);
    expect(after.order.status).toBe('cancelled');
    expect(after.events.map((e: { type: string }) => e.type)).toEqual(['created', 'status_changed']);
    const merchantView = await t.app.get(OrdersService).timeline(orderId);
    expect(merchantView.map((e) => e.type)).toEqual(['created', 'status_changed', 'ignored_same']);
  });

  it('refuses to cancel once review started, in our words or in the vendor’s', async () => {
    sim.holdNext();
    const { orderId, vendorRef } = await order();
    await sim.advanceTo(vendorRef, 2);
    await waitForOrder(t, token, orderId, 'processing');
    const calls = sim.host.callsTo('/receipt/cancel');
    const ours = await t.http
      .post(`/api/id-photo/orders/${orderId}/cancel`)
      .set(...bearer(token))
      .expect(409);
    expect(ours.body.message).toBe('订单已开始审核，无法取消');
    expect(sim.host.callsTo('/receipt/cancel')).toBe(calls);
    await sim.release(vendorRef);
    await waitForOrder(t, token, orderId, 'completed');

    // The vendor started reviewing but its callback has not reached us yet: the vendor says no.
    sim.holdNext();
    const late = await order();
    sim.scenario.callbackDelayMs = 1500;
    try {
      await sim.advanceTo(late.vendorRef, 2);
      const theirs = await t.http
        .post(`/api/id-photo/orders/${late.orderId}/cancel`)
        .set(...bearer(token))
        .expect(409);
      expect(theirs.body).toMatchObject({ code: 'NOT_CANCELLABLE', message: '订单已开始审核，无法取消' });
      expect((await orderDetail(t, token, late.orderId)).order.status).toBe('pending');
      await waitForOrder(t, token, late.orderId, 'processing');
    } finally {
      sim.scenario.callbackDelayMs = 0;
    }
  });
});
