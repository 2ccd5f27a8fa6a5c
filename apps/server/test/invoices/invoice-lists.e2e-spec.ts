import type { IncomingMessage } from 'node:http';
import ExcelJS from 'exceljs';
import { SAMPLE_DIGITAL_VAT, sampleBill, vatQrText, type GeneratedVat } from '@banshi/vendor-simulators/yundou';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, parseCsv, scanBill, type ScanBody } from './support.js';

type ExcelBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

interface Page {
  items: ScanBody[];
  nextCursor: string | null;
  totals: { count: number; amountFen: number; duplicates: number };
}

/** Binary bodies (the XLSX) as a Buffer, whatever supertest would make of them. */
function binary(response: unknown, done: (error: Error | null, body: Buffer) => void) {
  const res = response as IncomingMessage;
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe.each(testDatabases())('invoice lists, totals and exports (%s)', (kind) => {
  let t: TestApp;
  let token: string;
  const scans: Record<string, ScanBody> = {};

  beforeAll(async () => {
    t = await startTestApp(kind);
    token = await t.loginUser('invoice-lists');
    // March 2024: a taxi ride, a train ticket, a VAT invoice scanned twice; April 2024: a 数电 invoice.
    scans.taxi = await scanBill(t, token, sampleBill('taxi'));
    scans.train = await scanBill(t, token, sampleBill('train'));
    scans.vat = await scanBill(t, token, sampleBill('vat_special'));
    scans.vatAgain = await scanBill(t, token, sampleBill('vat_special'));
    const qr = await t.http
      .post('/api/invoices/qr-text')
      .set(bearer(token))
      .send({ text: vatQrText(SAMPLE_DIGITAL_VAT as GeneratedVat) })
      .expect(201);
    scans.digital = qr.body as ScanBody;
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, string | number> = {}, as = token): Promise<Page> =>
    (await t.http.get('/api/invoices').query(query).set(bearer(as)).expect(200)).body as Page;

  it('lists by month (newest first) with totals that leave the duplicate out', async () => {
    const all = await list();
    expect(all.items.map((item) => item.id)).toEqual([
      scans.digital.id,
      scans.vatAgain.id,
      scans.vat.id,
      scans.train.id,
      scans.taxi.id,
    ]);
    expect(all.items[1].duplicateOf).toMatchObject({ id: scans.vat.id, orderNo: scans.vat.orderNo });
    // 32.60 + 553.50 + 3390.00 + 283.02 (the 数电 QR's amount): the second VAT scan is not counted.
    expect(all.totals).toEqual({ count: 4, amountFen: 3_260 + 55_350 + 339_000 + 28_302, duplicates: 1 });

    const march = await list({ month: '2024-03' });
    expect(march.items).toHaveLength(4);
    expect(march.totals).toEqual({ count: 3, amountFen: 3_260 + 55_350 + 339_000, duplicates: 1 });
    const taxis = await list({ type: 'taxi' });
    expect(taxis.items.map((item) => item.id)).toEqual([scans.taxi.id]);
    expect(taxis.totals).toEqual({ count: 1, amountFen: 3_260, duplicates: 0 });

    const months = await t.http.get('/api/invoices/months').set(bearer(token)).expect(200);
    expect(months.body.months).toEqual([
      { month: '2024-04', count: 1, amountFen: 28_302, duplicates: 0, unfinished: 0 },
      { month: '2024-03', count: 3, amountFen: 397_610, duplicates: 1, unfinished: 0 },
    ]);
  });

  it('pages with a cursor across months without repeating or skipping', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await list()).items.map((item) => item.id));
    const bad = await t.http.get('/api/invoices').query({ cursor: 'bm9wZQ' }).set(bearer(token)).expect(400);
    expect(bad.body.code).toBe('BAD_CURSOR');
    const badMonth = await t.http.get('/api/invoices').query({ month: '2024-13' }).set(bearer(token)).expect(400);
    expect(badMonth.body.message).toBe('月份格式应为 YYYY-MM');
  });

  it('marks a bill reimbursed and back; the filter follows', async () => {
    const marked = await t.http.put(`/api/invoices/${scans.taxi.id}/reimbursed`).set(bearer(token)).expect(200);
    expect(marked.body.reimbursedAt).toEqual(expect.any(String));
    expect((await list({ reimbursed: 'true' })).items.map((item) => item.id)).toEqual([scans.taxi.id]);
    expect((await list({ reimbursed: 'false' })).items.map((item) => item.id)).not.toContain(scans.taxi.id);
    expect((await list({ reimbursed: 'false' })).totals.count).toBe(3);

    const undone = await t.http.delete(`/api/invoices/${scans.taxi.id}/reimbursed`).set(bearer(token)).expect(200);
    expect(undone.body.reimbursedAt).toBeNull();
    expect((await list({ reimbursed: 'true' })).items).toEqual([]);
    const order = await t.http.get(`/api/orders/${scans.taxi.orderId}`).set(bearer(token)).expect(200);
    expect(order.body.events.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['reimbursed', 'reimbursement_undone']),
    );
  });

  it('exports the filtered list as a CSV that Excel reads as UTF-8', async () => {
    const response = await t.http
      .get('/api/invoices/export')
      .query({ format: 'csv', month: '2024-03' })
      .set(bearer(token))
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const bytes = Buffer.from(response.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(response.text.replace(/^\uFEFF/, ''));
    // The header line as Excel shows it, pinned as one literal.
    expect(rows[0].join(',')).toBe(
      '序号,开票日期,所属月份,票据类型,发票代码,发票号码,金额（元）,是否重复,重复于订单,报销状态,来源,扫描时间,订单号',
    );
    expect(rows).toHaveLength(5);
    const byType = (label: string) => rows.filter((row) => row[3] === label);
    expect(byType('出租车票')[0].map((cell) => cell.trim())).toEqual(
      expect.arrayContaining(['2024-03-05', '144031909110', '41278830', '32.60', '否', '未报销', '拍照识别']),
    );
    const vats = byType('增值税专用发票');
    expect(vats.map((row) => [row[6], row[7], row[8]])).toEqual(
      expect.arrayContaining([
        ['3390.00', '否', ''],
        ['3390.00', '是', scans.vat.orderNo],
      ]),
    );
    expect(byType('火车票')[0][6]).toBe('553.50');
  });

  it('exports an Excel workbook with numbers, dates, labels, the duplicate flag and a total', async () => {
    const response = await t.http
      .get('/api/invoices/export')
      .query({ format: 'xlsx' })
      .set(bearer(token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ExcelBuffer);
    const sheet = workbook.getWorksheet('票据');
    if (!sheet) throw new Error('no sheet 票据');
    expect(sheet.getRow(2).getCell(4).value).toBe('票据类型');
    const rows = [3, 4, 5, 6, 7].map((n) => sheet.getRow(n));
    const digital = rows.find((row) => row.getCell(6).value === '24442000000123456789');
    expect(digital?.getCell(4).value).toBe('数电发票（普通发票）');
    expect(digital?.getCell(7).value).toBe(283.02);
    expect(digital?.getCell(7).numFmt).toBe('#,##0.00');
    expect(digital?.getCell(2).value).toEqual(new Date(Date.UTC(2024, 3, 12)));
    expect(rows.filter((row) => row.getCell(8).value === '是')).toHaveLength(1);
    const total = sheet.getRow(8);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(4).value).toBe('4 张（不含重复）');
    expect(total.getCell(7).value).toBeCloseTo(4259.12, 2);

    const bad = await t.http.get('/api/invoices/export').query({ format: 'pdf' }).set(bearer(token)).expect(400);
    expect(bad.body.message).toBe('导出格式只能是 csv 或 xlsx');
  });

  it('another user sees none of it: 404 on each scan, empty lists and exports', async () => {
    const other = await t.loginUser('invoice-lists-other');
    for (const scan of Object.values(scans)) {
      await t.http.get(`/api/invoices/${scan.id}`).set(bearer(other)).expect(404);
      await t.http.put(`/api/invoices/${scan.id}/reimbursed`).set(bearer(other)).expect(404);
      await t.http.post(`/api/invoices/${scan.id}/retry`).set(bearer(other)).expect(404);
    }
    const theirs = await list({}, other);
    expect(theirs.items).toEqual([]);
    expect(theirs.totals).toEqual({ count: 0, amountFen: 0, duplicates: 0 });
    const csv = await t.http.get('/api/invoices/export').query({ format: 'csv' }).set(bearer(other)).expect(200);
    expect(parseCsv(csv.text.replace(/^\uFEFF/, ''))).toHaveLength(1);
    await t.http.get('/api/invoices').expect(401);
    await t.http.get('/api/invoices/abc').set(bearer(other)).expect(404);
  });

  it('is described in the OpenAPI document the mini-program types come from', async () => {
    const docs = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/invoices/photos',
        '/api/invoices/qr-text',
        '/api/invoices/{id}/reimbursed',
        '/api/invoices/export',
        '/api/merchant/invoices/orders/{orderId}',
      ]),
    );
    expect(Object.keys(docs.body.paths).some((path) => path.startsWith('/api/callbacks/yundou'))).toBe(false);
    expect(docs.body.components.schemas.InvoiceScanDto.properties.duplicateOf).toBeDefined();
  });

  it('the merchant sees every scan as an order, and its typed bill masked', async () => {
    const merchant = await t.loginMerchant();
    const orders = await t.http
      .get('/api/merchant/orders')
      .query({ kind: 'invoice_scan' })
      .set(bearer(merchant))
      .expect(200);
    expect(orders.body.items.map((order: { id: number }) => order.id)).toEqual(
      expect.arrayContaining([scans.train.orderId, scans.taxi.orderId]),
    );
    const detail = await t.http
      .get(`/api/merchant/invoices/orders/${scans.train.orderId}`)
      .set(bearer(merchant))
      .expect(200);
    expect(detail.body).toMatchObject({ billType: 'train', amountFen: 55_350, bill: { fullName: '李*' } });
    expect(detail.body.bill.idNumber).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
    expect(detail.body.userId).toEqual(expect.any(Number));
    await t.http.get(`/api/merchant/invoices/orders/${scans.train.orderId}`).set(bearer(token)).expect(403);
    await t.http.get('/api/merchant/invoices/orders/999999').set(bearer(merchant)).expect(404);
  });
});
