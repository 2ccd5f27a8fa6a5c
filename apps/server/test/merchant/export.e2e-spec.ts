import ExcelJS from 'exceljs';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auth, listAll, seedOrders, seedUsers, type SeededUser } from './support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  '订单号',
  '业务类型',
  '状态',
  '服务商状态',
  '服务商单号',
  '标题',
  '金额（元）',
  '用户ID',
  '用户手机（脱敏）',
  '下单时间',
  '状态变更时间',
  '最后更新时间',
];

/** Keeps a download as bytes, whatever its type. */
function binary(
  response: { on(event: string, listener: (chunk: Buffer) => void): unknown },
  done: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

function arrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe.each(testDatabases())('merchant export (%s)', (kind) => {
  let t: TestApp;
  let token: string;
  let users: SeededUser[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    token = await t.loginMerchant('exporter', 'staff');
    users = await seedUsers(t.dataSource, 30, 'exp');
    // More than two batches of 1000.
    await seedOrders(t.dataSource, users, 2300, 'BE', 7);
  }, 120_000);
  afterAll(() => t.close());

  const download = (query: Record<string, string>) =>
    t.http.get('/api/merchant/orders/export').query(query).set(auth(token)).buffer(true).parse(binary);

  it('CSV: UTF-8 with a BOM, every matching order once in list order, phones masked', async () => {
    const response = await download({ format: 'csv' }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="banshi-orders-\d{8}\.csv"/);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(HEADER);
    const { items } = await listAll(t, token, {});
    expect(rows.slice(1).map((row) => row[0])).toEqual(items.map((o) => o.orderNo));
    expect(rows.length - 1).toBe(2300);

    const text = bytes.toString('utf8');
    for (const user of users) expect(text).not.toContain(user.phone);
    const sample = rows[1 + 17];
    const order = items[17];
    const owner = users.find((user) => user.id === order.userId) as SeededUser;
    expect(sample[7]).toBe(String(order.userId));
    expect(sample[8]).toBe(`${owner.phone.slice(0, 3)}****${owner.phone.slice(-4)}`);
    expect(sample[6]).toMatch(/^\d+\.\d{2}$/);
    // Beijing time, as the merchant reads it.
    const created = new Date(Date.parse(order.createdAt) + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    expect(sample[9]).toBe(created);
  }, 60_000);

  it('XLSX parses back with exceljs: the same rows, numbers as numbers, for the same filters as the list', async () => {
    const last4 = users[2].phone.slice(-4);
    const query = { kind: 'identity', phoneLast4: last4, sort: 'asc' };
    const response = await download({ ...query, format: 'xlsx' }).expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(response.body as Buffer));
    const sheet = workbook.getWorksheet('订单');
    expect(sheet).toBeDefined();
    const values = (sheet as ExcelJS.Worksheet)
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(values[0]).toEqual(HEADER);
    const { items } = await listAll(t, token, query);
    expect(items.length).toBeGreaterThan(3);
    expect(values.slice(1).map((row) => row[0])).toEqual(items.map((o) => o.orderNo));
    expect(values.slice(1).every((row) => row[1] === '实名认证' && typeof row[6] === 'number')).toBe(true);
    expect(values.slice(1).every((row) => String(row[8]).endsWith(last4) && String(row[8]).includes('****'))).toBe(
      true,
    );

    const everything = await download({ format: 'xlsx' }).expect(200);
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(arrayBuffer(everything.body as Buffer));
    expect((all.getWorksheet('订单') as ExcelJS.Worksheet).actualRowCount).toBe(2300 + 1);
  }, 60_000);

  it('an empty result is a header only; bad filters are a 400 in JSON, not a broken download', async () => {
    const empty = await download({ format: 'csv', orderNo: 'NOPE' }).expect(200);
    expect(parseCsv((empty.body as Buffer).subarray(3).toString('utf8'))).toEqual([HEADER]);
    const format = await t.http
      .get('/api/merchant/orders/export')
      .query({ format: 'pdf' })
      .set(auth(token))
      .expect(400);
    expect(format.body).toMatchObject({ code: 'VALIDATION', message: '导出格式应为 csv 或 xlsx' });
    const day = await t.http
      .get('/api/merchant/orders/export')
      .query({ from: '2025-02-31' })
      .set(auth(token))
      .expect(400);
    expect(day.body.code).toBe('BAD_DATE');
    await t.http.get('/api/merchant/orders/export').expect(401);
  });
});
