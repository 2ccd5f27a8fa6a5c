import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { In } from 'typeorm';
import { StorageService } from '../../src/common/storage/storage.service.js';
import { StoredFile } from '../../src/common/storage/stored-file.entity.js';
import { IdPhotoSession } from '../../src/id-photo/entities/photo-session.entity.js';
import { ZjzSubmission } from '../../src/id-photo/entities/zjz-submission.entity.js';
import { OutgoingCall } from '../../src/outgoing-calls/outgoing-call.entity.js';
import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import type { TestApp } from '../support/test-app.js';
import {
  ADDRESS,
  bearer,
  startZjzApp,
  fetchSigned,
  ID_CARD_PARAM,
  ID_NUMBER,
  NAME,
  orderDetail,
  PHONE,
  placeOrder,
  uploadPhoto,
  waitForOrder,
} from './support.js';

const DAY = 86_400_000;
const TABLES = ['id_photo_orders', 'id_photo_sessions', 'zjz_submissions', 'orders', 'order_events', 'vendor_events'];

describe.each(testDatabases())('id-photo privacy, retention and the merchant view (%s)', (kind) => {
  let t: TestApp, sim: ZjzSimulator, token: string;
  beforeAll(async () => ({ t, sim, token } = await startZjzApp(kind)));
  afterAll(() => t.close());
  afterEach(() => sim.idle());

  it('keeps no ID number, phone, name or address in clear in any table', async () => {
    sim.rejectNext(`身份证号${ID_NUMBER}与照片不符，请联系${PHONE}`);
    const { orderId } = await placeOrder(t, token, { print: ADDRESS });
    const rejected = await waitForOrder(t, token, orderId, 'action_required');
    expect(rejected.details.rejectMsg).toBe(
      `身份证号440${'*'.repeat(11)}${ID_NUMBER.slice(-4)}与照片不符，请联系139****5678`,
    );
    await expectNothingInClear();
    await t.http
      .post(`/api/id-photo/orders/${orderId}/resubmit`)
      .set(...bearer(token))
      .send({})
      .expect(200);
    await waitForOrder(t, token, orderId, 'completed');
    await sim.idle();
    await expectNothingInClear();
    const detail = await orderDetail(t, token, orderId);
    expect(JSON.stringify(detail)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(detail)).not.toContain(PHONE);
  });

  async function expectNothingInClear(): Promise<void> {
    const secrets = [ID_NUMBER, PHONE, NAME, ADDRESS.phone, ADDRESS.address, ADDRESS.name];
    for (const table of TABLES) {
      const rows = (await t.dataSource.query(`SELECT * FROM ${table}`)) as unknown[];
      expect(rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(rows);
      const leaked = secrets.filter((secret) => text.includes(secret));
      expect({ table, leaked }).toEqual({ table, leaked: [] });
    }
  }

  it('asks for privacy consent and valid params before anything reaches the vendor', async () => {
    const photo = await uploadPhoto(t, token, 21);
    const submitted = sim.stats().submitted;
    const noConsent = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({ photoId: photo.id, color: 'white', param: ID_CARD_PARAM })
      .expect(400);
    expect(noConsent.body.message).toBe('请先阅读并同意《个人信息保护说明》');
    const wrongDigit = ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1');
    const invalid = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({
        photoId: photo.id,
        color: 'green',
        param: { ...ID_CARD_PARAM, text_idcard: wrongDigit },
        agreePrivacy: true,
      })
      .expect(400);
    expect(invalid.body.fields).toEqual({ color: '请从预览中选择背景颜色' });
    const badId = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({
        photoId: photo.id,
        color: 'white',
        param: { ...ID_CARD_PARAM, text_idcard: wrongDigit, text_mobile: '' },
        agreePrivacy: true,
      })
      .expect(400);
    expect(badId.body.fields).toEqual({
      'param.text_idcard': '身份证号校验位不正确，请检查是否输错',
      'param.text_mobile': '请填写手机号',
    });
    expect(sim.stats().submitted).toBe(submitted);
  });

  it('keeps a submission the vendor did not answer as unconfirmed, and sends it again only after a silent day', async () => {
    const photo = await uploadPhoto(t, token, 21);
    const submitted = sim.stats().submitted;
    sim.faults.failNext(1, 503);
    const submit = () =>
      t.http
        .post('/api/id-photo/orders')
        .set(...bearer(token))
        .send({ photoId: photo.id, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true });
    const failed = await submit().expect(503);
    expect(failed.body).toMatchObject({
      retryable: true,
      message: expect.stringContaining('暂时无法确认订单是否提交成功'),
    });
    // The vendor may have it (zjz has no idempotency key and no lookup): kept, never sent blindly again.
    const { orderId } = await t.dataSource.getRepository(IdPhotoSession).findOneByOrFail({ id: photo.id });
    expect(orderId).not.toBeNull();
    const kept = await orderDetail(t, token, Number(orderId));
    expect(kept.order).toMatchObject({ status: 'pending' });
    expect(kept.details.awaitingConfirmation).toBe(true);
    expect(kept.details.canCancel).toBe(false);
    const waiting = await submit().expect(409);
    expect(waiting.body.code).toBe('SUBMIT_UNCONFIRMED');
    expect(sim.stats().submitted).toBe(submitted);

    // No callback for a day: the vendor never got it, so the next tap sends it, as the same order.
    // (The window runs from the ledger entry of the unconfirmed submit.)
    const sent = await t.dataSource.getRepository(ZjzSubmission).findBy({ orderId: Number(orderId) });
    await t.dataSource
      .getRepository(OutgoingCall)
      .update(
        { vendor: 'zjz', subjectId: In(sent.map((one) => String(one.id))) },
        { createdAt: new Date(Date.now() - 25 * 3_600_000) },
      );
    const resent = await submit().expect(201);
    expect(resent.body.order).toMatchObject({ id: Number(orderId), status: 'pending' });
    expect(resent.body.details.awaitingConfirmation).toBe(false);
    expect(sim.stats().submitted).toBe(submitted + 1);
    const twice = await submit().expect(409);
    expect(twice.body.code).toBe('PHOTO_USED');
  });

  it('deletes photos and receipts FILE_RETENTION_DAYS after the order ends', async () => {
    const { orderId, photoId } = await placeOrder(t, token);
    const done = await waitForOrder(t, token, orderId, 'completed');
    const deleteAfter = Date.parse(done.details.deleteAfter);
    expect(Math.abs(deleteAfter - (Date.now() + t.config.fileRetentionDays * DAY))).toBeLessThan(60_000);
    const files = await t.dataSource.getRepository(StoredFile).findBy({ orderId });
    expect(files.map((file) => file.purpose).sort()).toEqual([
      'id_photo_preview',
      'id_photo_receipt',
      'id_photo_upload',
    ]);
    expect(files.every((file) => file.deleteAfter?.getTime() === deleteAfter)).toBe(true);

    const storage = t.app.get(StorageService);
    await storage.deleteExpired(new Date(Date.now() + (t.config.fileRetentionDays - 1) * DAY));
    expect(await t.dataSource.getRepository(StoredFile).countBy({ orderId })).toBe(3);
    await storage.deleteExpired(new Date(deleteAfter + 1000));
    expect(await t.dataSource.getRepository(StoredFile).countBy({ orderId })).toBe(0);

    const after = await orderDetail(t, token, orderId);
    expect(after.details).toMatchObject({ filesDeleted: true, receiptUrl: null, photoUrl: null, previews: [] });
    expect((await fetchSigned(t, done.details.receiptUrl)).status).toBe(404);
    const remake = await t.http
      .post(`/api/id-photo/photos/${photoId}/remake`)
      .set(...bearer(token))
      .expect(409);
    expect(remake.body.code).toBe('ORDER_ENDED');
  });

  it('shows the merchant the same details, masked, and only for id-photo orders', async () => {
    const { orderId } = await placeOrder(t, token, { print: ADDRESS }, 32);
    const done = await waitForOrder(t, token, orderId, 'completed');
    const merchant = await t.loginMerchant();
    const seen = await t.http
      .get(`/api/merchant/id-photo/orders/${orderId}`)
      .set(...bearer(merchant))
      .expect(200);
    expect(seen.body.order).toMatchObject({
      id: orderId,
      userId: await userIdOf(t, token),
      vendorRef: expect.any(String),
    });
    const { receiptUrl, photoUrl, printUrl, previews, ...masked } = seen.body.details;
    const { receiptUrl: _r, photoUrl: _p, printUrl: _pp, previews: _pv, ...own } = done.details;
    expect(masked).toEqual(own);
    expect(JSON.stringify(seen.body)).not.toContain(ID_NUMBER);
    for (const url of [receiptUrl, photoUrl, printUrl, previews[0].url])
      expect((await fetchSigned(t, url)).status).toBe(200);

    await t.http
      .get(`/api/merchant/id-photo/orders/${orderId}`)
      .set(...bearer(token))
      .expect(403);
    await t.http
      .get('/api/merchant/id-photo/orders/999999')
      .set(...bearer(merchant))
      .expect(404);
    const other = await seedOrder(t, await userIdOf(t, token), 'identity');
    await t.http
      .get(`/api/merchant/id-photo/orders/${other.id}`)
      .set(...bearer(merchant))
      .expect(404);
    await t.http
      .get(`/api/id-photo/orders/${other.id}`)
      .set(...bearer(token))
      .expect(404);
  });
});
