import sharp from 'sharp';
import {
  renderVatQrImage,
  SAMPLE_DIGITAL_VAT,
  sampleBill,
  vatQrText,
  type GeneratedVat,
} from '@banshi/vendor-simulators/yundou';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, billImage, getScan, scanBill, uploadPhoto, yundouOf, type ScanBody } from './support.js';

const VAT = sampleBill('vat_special') as GeneratedVat;

/** A VAT invoice of its own for one test: duplicates are per invoice, so each test takes fresh numbers. */
function freshVat(number: string, digital = false): GeneratedVat {
  return digital
    ? { ...SAMPLE_DIGITAL_VAT, invoiceNumber: number }
    : { ...VAT, invoiceCode: '4403231130', invoiceNumber: number };
}

describe.each(testDatabases())('invoice QR codes and duplicates (%s)', (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    token = await t.loginUser('invoice-qr');
  });
  afterAll(() => t.close());

  const submitText = (text: string, as = token, expected = 201) =>
    t.http.post('/api/invoices/qr-text').set(bearer(as)).send({ text }).expect(expected);
  const submitImage = (image: Buffer, expected = 201) =>
    t.http.post('/api/invoices/qr-images').set(bearer(token)).attach('file', image, 'qr.jpg').expect(expected);
  const totals = async (query: Record<string, string> = {}) =>
    (await t.http.get('/api/invoices').query(query).set(bearer(token)).expect(200)).body.totals;

  it('a 数电 QR text is read at once: number, amount and date in the answer, no vendor call', async () => {
    const sim = yundouOf(t);
    const uploadsBefore = sim.uploads.size;
    const text = vatQrText(freshVat('24442000000000000001', true));
    const response = await submitText(text);
    expect(response.body).toMatchObject({
      status: 'recognised',
      orderStatus: 'completed',
      source: 'qr_text',
      billType: 'vat_ordinary',
      typeLabel: '数电发票（普通发票）',
      invoiceCode: null,
      invoiceNumber: '24442000000000000001',
      fullyDigital: true,
      amountFen: 28_302,
      issueDate: '2024-04-12',
      duplicateOf: null,
      qr: { typeCode: '32', fullyDigital: true, invoiceNumber: '24442000000000000001', amountFen: 28_302 },
    });
    expect(sim.uploads.size).toBe(uploadsBefore);

    // 我的订单 opens the scan by its order: the same scan, for its owner only.
    const byOrder = await t.http.get(`/api/invoices/orders/${response.body.orderId}`).set(bearer(token)).expect(200);
    expect(byOrder.body).toEqual(response.body);
    const stranger = await t.loginUser('invoice-qr-stranger');
    await t.http.get(`/api/invoices/orders/${response.body.orderId}`).set(bearer(stranger)).expect(404);
    await t.http.get('/api/invoices/orders/abc').set(bearer(token)).expect(404);
  });

  it('a railway e-ticket QR is a train ticket; a legacy 普票 QR keeps the last six digits of its check code', async () => {
    const train = await submitText('01,51,,24119000000987654321,264.50,20240310,,C0DE');
    expect(train.body).toMatchObject({ billType: 'train', typeLabel: '数电发票（铁路电子客票）', amountFen: 26_450 });
    const ordinary = await submitText('01,10,044032300111,86312299,300.00,20240305,61273859104755236017,1A2B');
    expect(ordinary.body).toMatchObject({ billType: 'vat_ordinary', invoiceCode: '044032300111', fullyDigital: false });
    expect(ordinary.body.qr.checkCodeLast6).toBe('236017');
  });

  it('a text that is not an invoice QR is refused with what is wrong with it', async () => {
    const url = await submitText('https://weixin.qq.com/r/abc', token, 422);
    expect(url.body).toMatchObject({ code: 'NOT_INVOICE_QR', message: expect.stringContaining('不是发票二维码') });
    const short = await submitText('01,32,,2444200000012345,283.02,20240412', token, 422);
    expect(short.body.message).toContain('20位');
    const empty = await submitText('', token, 400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION', message: '请填写发票二维码内容' });
  });

  it('a clear photo of an invoice QR is read here at once; a faint one goes to the vendor', async () => {
    const sim = yundouOf(t);
    const clearText = vatQrText(freshVat('00000011'));
    const uploadsBefore = sim.uploads.size;
    const clear = await submitImage(await renderVatQrImage(clearText));
    expect(clear.body).toMatchObject({ source: 'qr_image', status: 'recognised', invoiceNumber: '00000011' });
    expect(clear.body.photoUrl).toBeTruthy();
    expect(sim.uploads.size).toBe(uploadsBefore);

    // A small code in a large photo: too fine for the quick look at 1200 px, read by the vendor.
    const faintText = vatQrText(freshVat('00000012'));
    const code = await renderVatQrImage(faintText, { modulePx: 5 });
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#ffffff' } })
      .composite([{ input: code, top: 200, left: 200 }])
      .jpeg({ quality: 90 })
      .toBuffer();
    const faint = await submitImage(photo);
    expect(faint.body).toMatchObject({ source: 'qr_image', status: 'recognising' });
    expect(sim.uploads.size).toBe(uploadsBefore + 1);
    await sim.idle();
    expect(await getScan(t, token, faint.body.id)).toMatchObject({
      status: 'recognised',
      invoiceNumber: '00000012',
      qr: { typeCode: '01', invoiceCode: '4403231130' },
    });
  });

  it('a QR photo that is not an invoice code: refused at once when clear, failed with the reason when read by the vendor', async () => {
    const clear = await submitImage(await renderVatQrImage('https://weixin.qq.com/r/not-an-invoice'), 422);
    expect(clear.body).toMatchObject({ code: 'NOT_INVOICE_QR', message: expect.stringContaining('不是发票二维码') });

    const code = await renderVatQrImage('https://weixin.qq.com/r/not-an-invoice', { modulePx: 5 });
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#ffffff' } })
      .composite([{ input: code, top: 400, left: 600 }])
      .jpeg({ quality: 90 })
      .toBuffer();
    const faint = await submitImage(photo);
    expect(faint.body.status).toBe('recognising');
    await yundouOf(t).idle();
    const failed = await getScan(t, token, faint.body.id);
    expect(failed).toMatchObject({ status: 'failed', retryable: true });
    expect(failed.failureMessage).toContain('不是发票二维码');
  });

  it("a photo with no readable code fails with the vendor's message", async () => {
    const blank = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#f4f1ea' } })
      .jpeg()
      .toBuffer();
    const created = await submitImage(blank);
    expect(created.body.status).toBe('recognising');
    await yundouOf(t).idle();
    expect(await getScan(t, token, created.body.id)).toMatchObject({
      status: 'failed',
      failureMessage: '图片无法识别，请重新拍摄',
      retryable: true,
    });
  });

  it('the same invoice scanned twice is flagged, points at the earlier scan, and is counted once', async () => {
    const vat = freshVat('00000021');
    const first = await scanBill(t, token, vat);
    expect(first.duplicateOf).toBeNull();
    const before = await totals({ type: 'vat_special' });

    const again = await scanBill(t, token, vat);
    expect(again.duplicateOf).toMatchObject({ id: first.id, orderNo: first.orderNo });
    // Read from its QR code, it is still the same invoice.
    const byQr = (await submitText(vatQrText(vat))).body as ScanBody;
    expect(byQr.duplicateOf).toMatchObject({ id: first.id });

    const after = await totals({ type: 'vat_special' });
    expect(after).toEqual({
      count: before.count,
      amountFen: before.amountFen,
      duplicates: before.duplicates + 2,
    });
    const reimburse = await t.http.put(`/api/invoices/${again.id}/reimbursed`).set(bearer(token)).expect(409);
    expect(reimburse.body).toMatchObject({ code: 'DUPLICATE_BILL' });
    // Another user's scan of the same invoice is theirs, not a duplicate of mine.
    const other = await t.loginUser('invoice-qr-other');
    expect((await submitText(vatQrText(vat), other)).body.duplicateOf).toBeNull();
  });

  it('concurrent scans of one invoice: exactly one counts, however they race', async () => {
    const text = vatQrText(freshVat('24442000000000000031', true));
    const answers = await Promise.all([1, 2, 3, 4].map(() => submitText(text)));
    const counted = answers.filter((answer) => answer.body.duplicateOf === null);
    expect(counted).toHaveLength(1);
    for (const answer of answers) {
      if (answer.body.duplicateOf) expect(answer.body.duplicateOf.id).toBe(counted[0].body.id);
    }

    // Photos whose callbacks arrive together.
    const sim = yundouOf(t);
    const photos = await Promise.all(
      [1, 2, 3].map(async () => (await uploadPhoto(t, token, await billImage(freshVat('00000032')))).body.id as number),
    );
    await sim.idle();
    const scans = await Promise.all(photos.map((id) => getScan(t, token, id)));
    expect(scans.every((scan) => scan.status === 'recognised')).toBe(true);
    expect(scans.filter((scan) => scan.duplicateOf === null)).toHaveLength(1);
    const rows: { n: number | string }[] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM invoice_scans WHERE counted_key = '440323113000000032'",
    );
    expect(Number(rows[0].n)).toBe(1);
  });
});
