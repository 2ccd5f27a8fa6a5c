import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { renderBillImage, SAMPLE_DIGITAL_VAT, sampleBill, vendorResultOf } from '@banshi/vendor-simulators/yundou';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { InvoiceScan } from '../../src/invoices/entities/invoice-scan.entity.js';
import { RECOGNITION_TIMEOUT_JOB } from '../../src/invoices/invoice-reimbursements.service.js';
import { OrderEvent } from '../../src/orders/order-event.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, billImage, getScan, scanBill, scanRow, uploadOf, uploadPhoto, yundouOf } from './support.js';

describe.each(testDatabases())('invoice photos (%s)', (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    token = await t.loginUser('invoice-photos');
  });
  afterAll(() => t.close());

  it('a train ticket photo is recognised into a typed bill, passenger and ID number masked', async () => {
    const bill = sampleBill('train');
    const scan = await scanBill(t, token, bill);
    expect(scan).toMatchObject({
      status: 'recognised',
      orderStatus: 'completed',
      source: 'photo',
      billType: 'train',
      typeLabel: '火车票',
      amountFen: 55_350,
      issueDate: '2024-03-08',
      month: '2024-03',
      invoiceNumber: null,
      duplicateOf: null,
    });
    expect(scan.bill).toMatchObject({ type: 'train', signDate: '2024-03-08', amountFen: 55_350, fullName: '李*' });
    const idNumber = bill.type === 'train' ? bill.idNumber : '';
    expect(scan.bill?.idNumber).toBe(`${idNumber.slice(0, 3)}${'*'.repeat(11)}${idNumber.slice(-4)}`);
    expect(JSON.stringify(scan)).not.toContain(idNumber);
    expect(scan.photoUrl).toMatch(/^\/api\/files\/[0-9a-f-]{36}\?exp=\d+&sig=/);
    const photo = await t.http.get(scan.photoUrl as string).expect(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');

    // At rest the bill is encrypted: neither the name nor the ID number is in the row.
    const [raw] = await t.dataSource.query(`SELECT bill_enc FROM invoice_scans WHERE id = ${scan.id}`);
    expect(String(raw.bill_enc)).toMatch(/^v1\./);
    expect(String(raw.bill_enc)).not.toContain('李明');
  });

  it('a taxi receipt keeps its time, plate, code and number', async () => {
    const scan = await scanBill(t, token, sampleBill('taxi'));
    expect(scan).toMatchObject({
      billType: 'taxi',
      amountFen: 3_260,
      invoiceCode: '144031909110',
      invoiceNumber: '41278830',
      fullyDigital: false,
    });
    expect(scan.bill).toMatchObject({
      type: 'taxi',
      time: '08:15-08:42',
      licenseNumber: '粤B·T1234',
      producer: { code: 61, label: '国家税务总局' },
      chapter: { code: 1, label: '有章' },
    });
  });

  it('a VAT special invoice comes with its line items, and counts at its total including tax', async () => {
    const scan = await scanBill(t, token, sampleBill('vat_special'));
    expect(scan).toMatchObject({ billType: 'vat_special', typeLabel: '增值税专用发票', amountFen: 339_000 });
    expect(scan.bill).toMatchObject({
      amountFen: 300_000,
      taxFen: 39_000,
      totalFen: 339_000,
      invoiceNumber: '02178456',
    });
    const items = scan.bill?.items as { name: string; quantity: string; amountFen: number; taxRatePercent: number }[];
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({
      name: '*计算机外部设备*扫描仪',
      quantity: '2',
      amountFen: 100_000,
      taxRatePercent: 13,
    });
    // The payer is a company: its name stays; its bank account does not.
    expect(scan.bill?.payer).toMatchObject({ name: '深圳市办事科技有限公司', account: '***********0801' });
  });

  it('a 数电 invoice is read with its 20-digit number and no code', async () => {
    const scan = await scanBill(t, token, SAMPLE_DIGITAL_VAT);
    expect(scan).toMatchObject({
      billType: 'vat_ordinary',
      typeLabel: '数电发票（普通发票）',
      invoiceCode: null,
      invoiceNumber: '24442000000123456789',
      fullyDigital: true,
      amountFen: 30_000,
      issueDate: '2024-04-12',
    });
  });

  it('a 6 MB noisy 4000×3000 photo is fitted under 2 MB at 300 dpi and still recognised', async () => {
    const photo = await noisyPhoto(await renderBillImage(sampleBill('parking'), { qrModulePx: 10 }));
    expect(photo.length).toBeGreaterThan(6 * 1024 * 1024);
    expect(await sharp(photo).metadata()).toMatchObject({ width: 4000, height: 3000 });

    const created = await uploadPhoto(t, token, photo);
    const sent = await uploadOf(t, created.body.id);
    expect(sent.imageBytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    await yundouOf(t).idle();
    const scan = await getScan(t, token, created.body.id);
    expect(scan).toMatchObject({ status: 'recognised', billType: 'parking', amountFen: 1_500 });
    const kept = await t.http.get(scan.photoUrl as string).expect(200);
    expect(await sharp(kept.body as Buffer).metadata()).toMatchObject({ format: 'jpeg', density: 300 });
    expect((kept.body as Buffer).length).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('a file that is not an image is refused with a 415 and a message saying what to upload', async () => {
    const response = await uploadPhoto(t, token, Buffer.from('%PDF-1.4 not a photo at all'), 415);
    expect(response.body).toMatchObject({ code: 'NOT_AN_IMAGE', message: expect.stringContaining('JPG') });
    const missing = await t.http.post('/api/invoices/photos').set(bearer(token)).expect(400);
    expect(missing.body).toMatchObject({ code: 'MISSING_FILE', message: '请选择票据照片后再上传' });
  });

  it("a recognition failure shows the vendor's message, and retrying with the kept photo recognises it", async () => {
    const sim = yundouOf(t);
    sim.failNextRecognitions(1, '图片模糊，请对准票据重新拍摄');
    const created = await uploadPhoto(t, token, await billImage(sampleBill('toll')));
    await sim.idle();
    const failed = await getScan(t, token, created.body.id);
    expect(failed).toMatchObject({
      status: 'failed',
      orderStatus: 'failed',
      failureMessage: '图片模糊，请对准票据重新拍摄',
      retryable: true,
    });

    const retried = await t.http.post(`/api/invoices/${failed.id}/retry`).set(bearer(token)).expect(201);
    expect(retried.body).toMatchObject({ status: 'recognising', retryOfId: failed.id });
    await sim.idle();
    expect(await getScan(t, token, retried.body.id)).toMatchObject({ status: 'recognised', billType: 'toll' });
    expect(await getScan(t, token, failed.id)).toMatchObject({ retryable: false, replacedById: retried.body.id });
    await t.http.post(`/api/invoices/${failed.id}/retry`).set(bearer(token)).expect(409);

    const list = await t.http.get('/api/invoices').set(bearer(token)).expect(200);
    const ids = list.body.items.map((item: { id: number }) => item.id);
    expect(ids).toContain(retried.body.id);
    expect(ids).not.toContain(failed.id);
  });

  it('an upload the vendor cannot take fails with a retryable message instead of an error', async () => {
    const sim = yundouOf(t);
    sim.faults.failNext(3, 503);
    const created = await uploadPhoto(t, token, await billImage(sampleBill('bus')));
    expect(created.body).toMatchObject({ status: 'failed', retryable: true });
    expect(created.body.failureMessage).toContain('暂时无法连接');
    const retried = await t.http.post(`/api/invoices/${created.body.id}/retry`).set(bearer(token)).expect(201);
    await sim.idle();
    expect(await getScan(t, token, retried.body.id)).toMatchObject({ status: 'recognised', billType: 'bus' });
  });

  it('a retry after an upload the vendor took but never answered reuses its oid: one recognition, on the retry', async () => {
    const sim = yundouOf(t);
    // Recognition takes a moment at the vendor: the user retries before its callback.
    sim.recognitionDelayMs = 1500;
    sim.faults.loseNextAnswer(3, 'fail', '/api/bill/upload');
    const uploads = sim.uploads.size;
    const created = await uploadPhoto(t, token, await billImage(sampleBill('parking')));
    expect(created.body).toMatchObject({ status: 'failed', retryable: true });
    expect(sim.uploads.size).toBe(uploads + 1);
    const first = await scanRow(t, created.body.id);
    const retried = await t.http.post(`/api/invoices/${created.body.id}/retry`).set(bearer(token)).expect(201);
    await sim.idle();
    sim.recognitionDelayMs = 0;
    expect(sim.uploads.size).toBe(uploads + 1);
    // The vendor called back to the first upload's URL; the result went to the retry, which holds the oid.
    expect(await scanRow(t, retried.body.id)).toMatchObject({ oid: first.oid, retryOfId: first.id });
    expect(await getScan(t, token, retried.body.id)).toMatchObject({ status: 'recognised', billType: 'parking' });
    expect(await getScan(t, token, created.body.id)).toMatchObject({ status: 'failed', replacedById: retried.body.id });
  });

  it('a forged callback (unknown token) is refused and stored as rejected; a wrong x-oid too', async () => {
    const scan = await scanBill(t, token, sampleBill('courier'));
    const upload = await uploadOf(t, scan.id);
    const body = upload.callbackBody as string;
    const forgedToken = randomBytes(32).toString('base64url');
    await t.http
      .post(`/api/callbacks/yundou/bill/${forgedToken}`)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(403);
    // The right token, but the body of another upload.
    const other = await scanBill(t, token, sampleBill('phone'));
    const otherBody = (await uploadOf(t, other.id)).callbackBody as string;
    await t.http
      .post(new URL(upload.callbackUrl).pathname)
      .set('Content-Type', 'application/json')
      .send(otherBody)
      .expect(403);
    // A bill upload's token on the QR route.
    await t.http
      .post(new URL(upload.callbackUrl).pathname.replace('/bill/', '/qr/'))
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(403);

    const rejected = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'yundou', status: 'rejected' });
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    expect(rejected.map((row) => row.reason)).toEqual(
      expect.arrayContaining([
        'no upload has this callback token',
        'x-oid does not match the upload of this token',
        'a bill upload called back on the qr route',
      ]),
    );
    expect(rejected.every((row) => row.orderId === null && row.dedupeKey === null)).toBe(true);
    // The token is not readable in the masked copy.
    expect(rejected.some((row) => row.payloadMasked.includes(forgedToken))).toBe(false);
    expect(await getScan(t, token, scan.id)).toMatchObject({ billType: 'courier', status: 'recognised' });
  });

  it('a callback delivered three times is acknowledged every time and applied once', async () => {
    const sim = yundouOf(t);
    sim.repeatCallbacks = 2;
    try {
      const scan = await scanBill(t, token, sampleBill('lodging'));
      const upload = await uploadOf(t, scan.id);
      const again = await t.http
        .post(new URL(upload.callbackUrl).pathname)
        .set('Content-Type', 'application/json')
        .send(upload.callbackBody as string)
        .expect(200);
      expect(again.body).toEqual({ code: 0, message: 'success' });
      const [event] = await t.dataSource
        .getRepository(VendorEvent)
        .findBy({ vendor: 'yundou', orderId: scan.orderId, status: 'applied' });
      expect(event).toMatchObject({ repeatCount: 3, outcome: 'recognised' });
      const changes = await t.dataSource
        .getRepository(OrderEvent)
        .findBy({ orderId: scan.orderId, type: 'status_changed', toStatus: 'completed' });
      expect(changes).toHaveLength(1);
    } finally {
      sim.repeatCallbacks = 0;
    }
  });

  it('a second bill in the same photo (another bid) becomes a scan of its own on the same photo', async () => {
    const scan = await scanBill(t, token, sampleBill('fuel'));
    const upload = await uploadOf(t, scan.id);
    const second = vendorResultOf(sampleBill('quota'));
    const body = { ...JSON.parse(upload.callbackBody as string), bid: 999_001, type: second.type, data: second.data };
    await t.http
      .post(new URL(upload.callbackUrl).pathname)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(200);

    const list = await t.http.get('/api/invoices').query({ type: 'quota' }).set(bearer(token)).expect(200);
    expect(list.body.items).toHaveLength(1);
    const sibling = await getScan(t, token, list.body.items[0].id);
    expect(sibling).toMatchObject({ status: 'recognised', billType: 'quota', amountFen: 5_000, source: 'photo' });
    expect(sibling.bill).toMatchObject({ expenseType: '餐饮' });
    expect(sibling.photoUrl).toBeTruthy();
    expect(sibling.orderId).not.toBe(scan.orderId);
    // The first bill is untouched.
    expect(await getScan(t, token, scan.id)).toMatchObject({ billType: 'fuel', amountFen: 35_000 });
  });

  it('a scan the vendor never answers times out as failed; a late answer still completes it', async () => {
    const sim = yundouOf(t);
    sim.recognitionDelayMs = 1500;
    const created = await uploadPhoto(t, token, await billImage(sampleBill('ticket')));
    sim.recognitionDelayMs = 0;
    await t.dataSource
      .getRepository(InvoiceScan)
      .update({ id: created.body.id }, { createdAt: new Date(Date.now() - 31 * 60_000) });
    await t.app.get(JobScheduler).runNow(RECOGNITION_TIMEOUT_JOB);
    expect(await getScan(t, token, created.body.id)).toMatchObject({ status: 'failed', retryable: true });
    await sim.idle();
    expect(await getScan(t, token, created.body.id)).toMatchObject({
      status: 'recognised',
      orderStatus: 'completed',
      billType: 'ticket',
      failureMessage: null,
    });
    expect((await scanRow(t, created.body.id)).status).toBe('recognised');
  });
});

/**
 * A phone photo of a bill on a grainy desk: 4000×3000 of seeded random grain (JPEG compresses noise
 * badly, which makes the file big) with the bill page laid on it.
 */
async function noisyPhoto(page: Buffer): Promise<Buffer> {
  const tile = 509;
  const grain = Buffer.alloc(tile * tile * 3);
  let state = 0x2f6b1d3;
  for (let i = 0; i < grain.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    grain[i] = 110 + ((state >>> 0) % 40);
  }
  const bill = await sharp(page).resize({ width: 1600 }).toBuffer();
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080' } })
    .composite([
      { input: grain, raw: { width: tile, height: tile, channels: 3 }, tile: true },
      { input: bill, top: 300, left: 800 },
    ])
    .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
    .toBuffer();
}
