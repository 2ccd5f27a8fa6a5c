import { sampleBill } from '@banshi/vendor-simulators/yundou';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { StoredFile } from '../../src/common/storage/stored-file.entity.js';
import { MediaCheck } from '../../src/content-safety/media-check.entity.js';
import { MEDIA_CHECK_JOB } from '../../src/content-safety/content-safety.service.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, billImage, getScan, uploadPhoto, yundouOf } from '../invoices/support.js';
import { wechat } from './support.js';

describe.each(testDatabases())('content safety: uploaded images checked by WeChat (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  /** Sends the queued checks and waits for WeChat's verdict pushes to be applied. */
  async function checkNow() {
    await t.app.get(JobScheduler).runNow(MEDIA_CHECK_JOB);
    await wechat(t).mediaChecks.idle();
  }

  it('a clean bill photo passes; WeChat fetched it from its signed URL and the verdict came through the inbox', async () => {
    const token = await t.loginUser();
    const sim = yundouOf(t);
    const created = await uploadPhoto(t, token, await billImage(sampleBill('taxi')));
    await sim.idle();
    await checkNow();
    const check = await t.dataSource.getRepository(MediaCheck).findOneByOrFail({ orderId: created.body.orderId });
    expect(check).toMatchObject({ state: 'passed', suggest: 'pass', purpose: 'invoice-photo' });
    expect(wechat(t).mediaChecks.checks.find((c) => c.traceId === check.traceId)).toMatchObject({
      downloaded: true,
      scene: 1,
    });
    const event = await t.dataSource
      .getRepository(VendorEvent)
      .findOneByOrFail({ dedupeKey: `wechat:media-check:${check.traceId}` });
    expect(event).toMatchObject({ vendor: 'wechat', status: 'applied', outcome: 'passed' });
    const scan = await getScan(t, token, created.body.id);
    await t.http.get(scan.photoUrl as string).expect(200);
  });

  it('a flagged image in a running order is withdrawn: file gone, order stopped, the user told why', async () => {
    const token = await t.loginUser();
    const sim = yundouOf(t);
    sim.recognitionDelayMs = 3_000; // the vendor is still recognising when the verdict comes
    wechat(t).mediaChecks.flagNext = 1;
    const created = await uploadPhoto(t, token, await billImage(sampleBill('taxi')));
    const before = await getScan(t, token, created.body.id);
    await checkNow();
    sim.recognitionDelayMs = 0;

    const check = await t.dataSource.getRepository(MediaCheck).findOneByOrFail({ orderId: created.body.orderId });
    expect(check).toMatchObject({ state: 'flagged', suggest: 'risky' });
    // The photo is no longer served, and its row is due for deletion now.
    await t.http.get(before.photoUrl as string).expect(404);
    const file = await t.dataSource.getRepository(StoredFile).findOneByOrFail({ id: check.fileId });
    expect(file.deleteAfter!.getTime()).toBeLessThan(Date.now());
    // The order stopped, with the reason on its timeline …
    const order = await t.http.get(`/api/orders/${created.body.orderId}`).set(bearer(token)).expect(200);
    expect(order.body.status).toBe('failed');
    expect(order.body.events.map((e: { message: string }) => e.message)).toContain(
      '票据照片未通过内容安全检测，订单已停止',
    );
    // … and in the message centre.
    const notices = await t.http.get('/api/notices').set(bearer(token)).expect(200);
    expect(notices.body.items[0]).toMatchObject({
      kind: 'order_failed',
      title: '票据照片未通过内容安全检测',
      body: expect.stringContaining('未通过微信内容安全检测，已删除'),
      read: false,
    });

    // The same verdict pushed again changes nothing.
    const event = await t.dataSource
      .getRepository(VendorEvent)
      .findOneByOrFail({ dedupeKey: `wechat:media-check:${check.traceId}` });
    const delivery = wechat(t).callbacks.deliveries.find(
      (d) => d.url.includes('/api/callbacks/wechat/push') && d.acknowledged,
    )!;
    expect(event.outcome).toBe('withdrawn');
    const replay = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: delivery.body,
    });
    expect(replay.status).toBe(200);
    const noticesAfter = await t.http.get('/api/notices').set(bearer(token)).expect(200);
    expect(noticesAfter.body.items).toHaveLength(notices.body.items.length);

    // The vendor's late result does not bring the stopped order back.
    await sim.idle();
    const late = await t.http.get(`/api/orders/${created.body.orderId}`).set(bearer(token)).expect(200);
    expect(late.body.status).toBe('failed');
  });

  it('a forged push is refused and stored as rejected; the check stays open', async () => {
    const response = await t.http
      .post('/api/callbacks/wechat/push?signature=0000&timestamp=1&nonce=2')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'pass' } }))
      .expect(401);
    expect(response.text).toBe('invalid signature');
    const rejected = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'wechat', status: 'rejected' });
    expect(rejected.length).toBeGreaterThanOrEqual(1);
  });
});
