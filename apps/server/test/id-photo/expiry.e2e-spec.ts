import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { IdPhotoSession } from '../../src/id-photo/entities/photo-session.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, fastVendor, ID_CARD_PARAM, uploadPhoto, waitForOrder } from './support.js';

/** The vendor keeps a pic_id 50 minutes; this suite's sandbox vendor keeps it 1.5 seconds. */
const PIC_TTL_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases())('id-photo pic_id expiry (%s)', (kind) => {
  let t: TestApp;
  let sim: ZjzSimulator;
  let token: string;

  beforeAll(async () => {
    process.env.SANDBOX_ZJZ_PIC_TTL_MS = String(PIC_TTL_MS);
    try {
      t = await startTestApp(kind);
    } finally {
      delete process.env.SANDBOX_ZJZ_PIC_TTL_MS;
    }
    sim = fastVendor(t);
    token = await t.loginUser();
  });
  afterAll(() => t.close());
  afterEach(() => sim.idle());

  const submit = (photoId: number) =>
    t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({ photoId, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true });

  it('an expired pic_id is answered "make it again", and remaking needs no new upload', async () => {
    const photo = await uploadPhoto(t, token, 21);
    await sleep(PIC_TTL_MS + 100);
    const expired = await submit(photo.id).expect(410);
    expect(expired.body).toMatchObject({
      code: 'PHOTO_EXPIRED',
      message: expect.stringContaining('照片已过期，请重新生成'),
    });
    const seen = await t.http
      .get(`/api/id-photo/photos/${photo.id}`)
      .set(...bearer(token))
      .expect(200);
    expect(seen.body.expired).toBe(true);

    const before = await t.dataSource.getRepository(IdPhotoSession).findOneByOrFail({ id: photo.id });
    const remade = await t.http
      .post(`/api/id-photo/photos/${photo.id}/remake`)
      .set(...bearer(token))
      .expect(200);
    expect(remade.body).toMatchObject({ id: photo.id, expired: false });
    const after = await t.dataSource.getRepository(IdPhotoSession).findOneByOrFail({ id: photo.id });
    expect(after.uploadFileId).toBe(before.uploadFileId);
    expect(after.picId).not.toBe(before.picId);
    expect(remade.body.previews.map((p: { url: string }) => p.url)).not.toEqual(photo.previews.map((p) => p.url));

    const created = await submit(photo.id).expect(201);
    await waitForOrder(t, token, created.body.order.id, 'completed');
  });

  it('resubmitting after a rejection with an expired photo: make it again, then resubmit', async () => {
    sim.rejectNext('照片模糊，请重新提交');
    const photo = await uploadPhoto(t, token, 21);
    const created = await submit(photo.id).expect(201);
    const orderId = created.body.order.id as number;
    await waitForOrder(t, token, orderId, 'action_required');
    await sleep(PIC_TTL_MS + 100);

    const expired = await t.http
      .post(`/api/id-photo/orders/${orderId}/resubmit`)
      .set(...bearer(token))
      .send({})
      .expect(410);
    expect(expired.body.code).toBe('PHOTO_EXPIRED');
    const detail = await t.http
      .get(`/api/id-photo/orders/${orderId}`)
      .set(...bearer(token))
      .expect(200);
    expect(detail.body.details).toMatchObject({ photoExpired: true, canResubmit: true, photoId: photo.id });
    expect(detail.body.order.status).toBe('action_required');

    await t.http
      .post(`/api/id-photo/photos/${photo.id}/remake`)
      .set(...bearer(token))
      .expect(200);
    await t.http
      .post(`/api/id-photo/orders/${orderId}/resubmit`)
      .set(...bearer(token))
      .send({})
      .expect(200);
    const done = await waitForOrder(t, token, orderId, 'completed');
    expect(done.details.round).toBe(2);
  });
});
