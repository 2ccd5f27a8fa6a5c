import fc from 'fast-check';
import type { Test } from 'supertest';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Property tests over the public routes: whatever a client sends in a body, a query, a path
 * parameter or an upload, the answer is never a 5xx, and every refusal is a 4xx `{code, message}`
 * with a message. Fields are the routes' own DTO fields, filled with values of every shape.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  /** `:x` segments are filled with arbitrary path parameters. */
  path: string;
  auth: 'user' | 'merchant' | 'none';
  body?: string[];
  query?: string[];
  /** The multipart file field, for uploads. */
  upload?: string;
}

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 50);
const UPLOAD_RUNS = Math.max(10, Math.round(RUNS / 2));

const ROUTES: Route[] = [
  { method: 'post', path: '/api/auth/wechat', auth: 'none', body: ['code', 'deviceId'] },
  { method: 'post', path: '/api/merchant/login', auth: 'none', body: ['username', 'password'] },
  { method: 'get', path: '/api/me', auth: 'user' },
  {
    method: 'get',
    path: '/api/orders',
    auth: 'user',
    query: ['cursor', 'limit', 'kind', 'status', 'from', 'to', 'sort'],
  },
  { method: 'get', path: '/api/orders/:id', auth: 'user' },
  {
    method: 'get',
    path: '/api/merchant/orders',
    auth: 'merchant',
    query: ['cursor', 'limit', 'kind', 'status', 'from', 'to', 'orderNo', 'vendorRef', 'sort', 'format'],
  },
  { method: 'get', path: '/api/merchant/orders/:id', auth: 'merchant' },
  { method: 'get', path: '/api/id-photo/specs', auth: 'user', query: ['q', 'categoryId', 'type'] },
  { method: 'post', path: '/api/id-photo/photos', auth: 'user', upload: 'file', body: ['itemId'] },
  { method: 'get', path: '/api/id-photo/photos/:id', auth: 'user' },
  { method: 'post', path: '/api/id-photo/photos/:id/remake', auth: 'user', body: ['itemId', 'color'] },
  {
    method: 'post',
    path: '/api/id-photo/orders',
    auth: 'user',
    body: ['photoId', 'color', 'print', 'agreePrivacy', 'param', 'type'],
  },
  { method: 'get', path: '/api/id-photo/orders/:id', auth: 'user' },
  { method: 'post', path: '/api/id-photo/orders/:id/resubmit', auth: 'user', body: ['photoId', 'color', 'param'] },
  { method: 'post', path: '/api/id-photo/orders/:id/cancel', auth: 'user' },
  { method: 'post', path: '/api/invoices/photos', auth: 'user', upload: 'file' },
  { method: 'post', path: '/api/invoices/qr-text', auth: 'user', body: ['text'] },
  { method: 'post', path: '/api/invoices/qr-images', auth: 'user', upload: 'file' },
  {
    method: 'get',
    path: '/api/invoices',
    auth: 'user',
    query: ['cursor', 'limit', 'month', 'reimbursed', 'status', 'type', 'text'],
  },
  { method: 'get', path: '/api/invoices/months', auth: 'user', query: ['reimbursed'] },
  { method: 'get', path: '/api/invoices/export', auth: 'user', query: ['month', 'format', 'reimbursed'] },
  { method: 'get', path: '/api/invoices/:id', auth: 'user' },
  { method: 'post', path: '/api/invoices/:id/retry', auth: 'user', upload: 'file' },
  { method: 'put', path: '/api/invoices/:id/reimbursed', auth: 'user' },
  { method: 'delete', path: '/api/invoices/:id/reimbursed', auth: 'user' },
  {
    method: 'post',
    path: '/api/identity/certifications',
    auth: 'user',
    upload: 'face',
    body: ['name', 'idNumber', 'consent'],
  },
  { method: 'get', path: '/api/identity/certifications', auth: 'user', query: ['cursor', 'limit'] },
  { method: 'get', path: '/api/identity/certifications/:id', auth: 'user' },
  { method: 'get', path: '/api/identity/status', auth: 'user' },
  { method: 'get', path: '/api/vehicles/cities', auth: 'user', query: ['q'] },
  { method: 'get', path: '/api/vehicles/cars', auth: 'user' },
  {
    method: 'post',
    path: '/api/vehicles/cars',
    auth: 'user',
    body: ['plateNumber', 'vin', 'engineNo', 'phone', 'consent', 'carType'],
  },
  { method: 'get', path: '/api/vehicles/cars/:id', auth: 'user' },
  { method: 'patch', path: '/api/vehicles/cars/:id', auth: 'user', body: ['vin', 'engineNo', 'phone', 'carType'] },
  { method: 'delete', path: '/api/vehicles/cars/:id', auth: 'user' },
  { method: 'put', path: '/api/vehicles/cars/:id/monitor', auth: 'user', body: ['enabled'] },
  { method: 'post', path: '/api/vehicles/cars/:id/counts', auth: 'user', query: ['force'] },
  {
    method: 'post',
    path: '/api/vehicles/cars/:id/deduct-self',
    auth: 'user',
    body: ['driveNum', 'fileNum', 'consent'],
  },
  { method: 'get', path: '/api/vehicles/cars/:id/travel-license', auth: 'user' },
  { method: 'post', path: '/api/vehicles/cars/:id/travel-license/:side', auth: 'user', upload: 'file' },
  { method: 'get', path: '/api/vehicles/cars/:id/violations', auth: 'user' },
  { method: 'post', path: '/api/vehicles/cars/:id/violations/query', auth: 'user' },
  { method: 'post', path: '/api/vehicles/cars/:id/quote', auth: 'user', body: ['codes'] },
  {
    method: 'post',
    path: '/api/vehicles/cars/:id/manual-quote',
    auth: 'user',
    body: ['items', 'ticketNo', 'time', 'location', 'reason', 'fineYuan', 'points', 'city', 'lawCode'],
  },
  {
    method: 'post',
    path: '/api/vehicles/orders',
    auth: 'user',
    body: ['carId', 'codes', 'idempotencyKey', 'expectedTotalFen'],
  },
  { method: 'get', path: '/api/vehicles/orders/:id', auth: 'user' },
  { method: 'post', path: '/api/vehicles/orders/:id/refresh', auth: 'user' },
  {
    method: 'post',
    path: '/api/inspection/exemption-check',
    auth: 'user',
    body: ['registerDate', 'useFor', 'carSeats', 'isAccidentCar'],
  },
  { method: 'get', path: '/api/inspection/cars', auth: 'user' },
  { method: 'get', path: '/api/inspection/cars/:id', auth: 'user' },
  {
    method: 'put',
    path: '/api/inspection/cars/:id',
    auth: 'user',
    body: ['brandId', 'seriesId', 'modelId', 'registerDate', 'useFor', 'carSeats', 'isAccidentCar', 'operationType'],
  },
  { method: 'get', path: '/api/inspection/cars/:id/pre-order', auth: 'user' },
  { method: 'get', path: '/api/inspection/brands/:id/series', auth: 'user' },
  { method: 'get', path: '/api/inspection/series/:id/models', auth: 'user' },
  { method: 'get', path: '/api/inspection/areas/provinces/:id/cities', auth: 'user' },
  {
    method: 'post',
    path: '/api/inspection/orders',
    auth: 'user',
    body: ['garageCarId', 'provinceId', 'cityId', 'districtId', 'address', 'contactName', 'contactPhone', 'priceFen'],
  },
  { method: 'get', path: '/api/inspection/orders', auth: 'user', query: ['cursor', 'limit'] },
  { method: 'get', path: '/api/inspection/orders/:id', auth: 'user' },
  { method: 'post', path: '/api/inspection/orders/:id/refresh', auth: 'user' },
  { method: 'get', path: '/api/notices', auth: 'user', query: ['cursor', 'limit'] },
  { method: 'post', path: '/api/notices/:id/read', auth: 'user' },
  { method: 'get', path: '/api/files/:id', auth: 'user', query: ['exp', 'sig'] },
];

/** Short text for queries (a URL over Node's 16 KB header limit is refused by Node itself with a bare 431). */
const shortText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    'true',
    '2026-02-30',
    '浙A12345',
    '%00',
    '../../etc/passwd',
  ),
  fc.constant('字'.repeat(300)),
);
const text = fc.oneof(shortText, fc.constant('字'.repeat(3000)));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String));
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }),
);
const pathParam = fc
  .oneof(
    fc.integer({ min: -3, max: 3 }).map(String),
    fc.constantFrom('99999999999999999999', '1.5', 'abc', '0x10', '1e3', 'front', 'back', ' 1'),
    fc.string({ minLength: 1, maxLength: 12 }),
  )
  .map((param) => encodeURIComponent(param) || '1');

function bodyOf(fields: string[]) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((raw) => ({ raw })) },
  );
}

const upload = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ bytes: Buffer.from(bytes), type: 'image/jpeg' })),
  fc.constantFrom(
    { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), type: 'image/jpeg' },
    { bytes: Buffer.from('\x89PNG\r\n\x1a\n' + 'x'.repeat(64), 'binary'), type: 'image/png' },
    { bytes: Buffer.from('GIF89a'), type: 'image/gif' },
    { bytes: Buffer.from('%PDF-1.4 not really'), type: 'application/pdf' },
    { bytes: Buffer.alloc(0), type: 'image/jpeg' },
  ),
  fc.constant(null),
);

describe.each(testDatabases())('bad input on public routes (%s)', (kind) => {
  let t: TestApp;
  let tokens: { user: string; merchant: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    tokens = { user: await t.loginUser('bad-input'), merchant: await t.loginMerchant() };
  });
  afterAll(() => t.close());

  function send(route: Route, params: string[]): Test {
    let at = 0;
    const path = route.path.replace(/:[a-zA-Z]+/g, () => params[at++] ?? '1');
    const request = t.http[route.method](path);
    if (route.auth !== 'none') request.set('Authorization', `Bearer ${tokens[route.auth]}`);
    return request;
  }

  function checkAnswer(route: Route, response: { status: number; body: unknown; text: string }): void {
    const where = `${route.method.toUpperCase()} ${route.path} → ${response.status} ${(response.text ?? '').slice(0, 300)}`;
    if (response.status >= 500) throw new Error(`server error: ${where}`);
    if (response.status >= 400) {
      const body = response.body as { code?: unknown; message?: unknown };
      if (typeof body?.code !== 'string' || !body.code) throw new Error(`refusal without a code: ${where}`);
      if (typeof body.message !== 'string' || !body.message.trim()) {
        throw new Error(`refusal without a message: ${where}`);
      }
    }
  }

  it.each(ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    '%s',
    async (_name, route) => {
      const params = fc.array(pathParam, { minLength: 2, maxLength: 2 });
      const query = fc.dictionary(
        fc.constantFrom(...(route.query ?? ['x'])),
        fc.oneof(shortText, fc.array(shortText, { maxLength: 3 })),
        {
          maxKeys: 4,
        },
      );
      const body = route.body ? bodyOf(route.body) : fc.constant(undefined);
      const file = route.upload ? upload : fc.constant(null);
      await fc.assert(
        fc.asyncProperty(params, query, body, file, async (paramValues, queryValues, bodyValue, fileValue) => {
          let request = send(route, paramValues).query(queryValues);
          if (route.upload) {
            if (fileValue)
              request = request.attach(route.upload, fileValue.bytes, {
                filename: 'x.jpg',
                contentType: fileValue.type,
              });
            for (const [key, field] of Object.entries((bodyValue as Record<string, unknown> | undefined) ?? {})) {
              request = request.field(key, typeof field === 'string' ? field : (JSON.stringify(field) ?? ''));
            }
            if (!fileValue && !bodyValue) request = request.field('nothing', '1');
          } else if (bodyValue !== undefined) {
            const raw = (bodyValue as { raw?: unknown } | null)?.raw;
            const isRaw = typeof raw === 'string' && Object.keys(bodyValue as object).length === 1;
            // Sent as text, so that bare JSON scalars (`true`, `3`) and broken JSON reach the server as is.
            request = request
              .set('content-type', 'application/json')
              .send(isRaw ? raw : (JSON.stringify(bodyValue) ?? 'null'));
          }
          checkAnswer(route, await request);
        }),
        { numRuns: route.upload ? UPLOAD_RUNS : RUNS, seed: 20261123 },
      );
    },
    120_000,
  );
});
