import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const OPENAPI = resolve(dirname(fileURLToPath(import.meta.url)), '../../openapi.json');
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 50);
const UPLOAD_RUNS = Math.max(10, Math.round(RUNS / 2));

/**
 * Every route of the committed OpenAPI document (the skeleton suite fails when it drifts from the
 * server), with its own body, query and upload fields, so that a new route is covered the day it
 * is added; plus the routes the document leaves out on purpose.
 */
const ROUTES: Route[] = [
  ...documentedRoutes(),
  // Signed file links: not in the document, reached through URLs the other routes hand out.
  { method: 'get', path: '/api/files/:id', auth: 'user', query: ['exp', 'sig'] },
];

interface OpenApiOperation {
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
}
interface OpenApiSchema {
  $ref?: string;
  properties?: Record<string, { format?: string }>;
}

function documentedRoutes(): Route[] {
  const document = JSON.parse(readFileSync(OPENAPI, 'utf8')) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, OpenApiSchema> };
  };
  const propertiesOf = (schema: OpenApiSchema) =>
    (schema.$ref ? document.components.schemas[schema.$ref.split('/').pop() as string] : schema).properties ?? {};
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): Route => {
      const route: Route = {
        method: method as Method,
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        auth: !operation.security?.length ? 'none' : path.startsWith('/api/merchant/') ? 'merchant' : 'user',
      };
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      if (query.length) route.query = query;
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      if (json) route.body = Object.keys(propertiesOf(json.schema));
      if (multipart) {
        const fields = Object.entries(propertiesOf(multipart.schema));
        route.upload = fields.find(([, field]) => field.format === 'binary')?.[0] ?? 'file';
        const others = fields.filter(([name]) => name !== route.upload).map(([name]) => name);
        if (others.length) route.body = others;
      }
      return route;
    }),
  );
}

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

/** Path ids that exist in the systematic pass: merchant account 2, the user's car 1. */
const PATH_IDS = [
  ['1', 'front'],
  ['2', '1'],
];
const WRONG_VALUES: unknown[] = [null, 0, -1, 1.5, '', ' ', 'x', '字'.repeat(3000), true, [], [null], { a: 1 }];
const WRONG_QUERY_VALUES: (string | string[])[] = ['', 'x', '-1', '1.5', 'null', '字'.repeat(300), ['1', '2']];

interface Variant {
  body?: Record<string, unknown>;
  query?: Record<string, string | string[]>;
}

/** The route with no body and no query, then each field alone set to each wrong value. */
function fieldVariants(route: Route): Variant[] {
  const variants: Variant[] = [{}, { body: {} }];
  for (const field of route.body ?? []) {
    for (const value of WRONG_VALUES) variants.push({ body: { [field]: value } });
  }
  for (const field of route.query ?? []) {
    for (const value of WRONG_QUERY_VALUES) variants.push({ query: { [field]: value } });
  }
  return variants;
}

describe.each(testDatabases())('bad input on public routes (%s)', (kind) => {
  let t: TestApp;
  let tokens: { user: string; merchant: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    tokens = { user: await t.loginUser('bad-input'), merchant: await t.loginMerchant() };
    // Something for the ids 1 and 2 of the systematic pass to find: a second merchant account
    // and a car in the user's garage, so that bodies reach the handlers instead of a 404.
    await t.createMerchant('bad-input-staff', 'correct horse battery', 'staff');
    await t.http
      .post('/api/vehicles/cars')
      .set('Authorization', `Bearer ${tokens.user}`)
      .send({
        plateNumber: '浙A1B2C3',
        vin: 'LSVAM4187C2184847',
        engineNo: '0018835448DT',
        phone: '13800000001',
        consent: true,
      })
      .expect(201);
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

  /**
   * Every field of every route, one at a time: `null`, each wrong type, and left out, with the path
   * ids of things that exist (merchant account 2, the user's car 1), so that a value the validation
   * lets through reaches the handler. Random values rarely hit one field of a route with a real id.
   */
  it.each(ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    'every field: null, wrong types and missing (%s)',
    async (_name, route) => {
      for (const params of route.path.includes(':') ? PATH_IDS : PATH_IDS.slice(0, 1)) {
        for (const variant of fieldVariants(route)) {
          let request = send(route, params).query(variant.query ?? {});
          if (route.upload) {
            for (const [key, field] of Object.entries(variant.body ?? {})) {
              request = request.field(
                key,
                field === null ? 'null' : typeof field === 'string' ? field : JSON.stringify(field),
              );
            }
            if (!variant.body) request = request.field('nothing', '1');
          } else if (variant.body !== undefined) {
            request = request.set('content-type', 'application/json').send(JSON.stringify(variant.body));
          }
          const response = await request;
          try {
            checkAnswer(route, response);
          } catch (error) {
            throw new Error(`${(error as Error).message}\n  sent ${JSON.stringify(variant)} with ids ${params}`);
          }
        }
      }
    },
    120_000,
  );
});
