import { readFileSync } from 'node:fs';
import { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(testDatabases())('auth and the HTTP surface (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('health: says ok with the database and the sandbox vendors', async () => {
    const response = await t.http.get('/api/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      vendorMode: 'sandbox',
      database: { ok: true },
      vendors: { wechat: { ok: true } },
    });
  });

  it('docs: serves the OpenAPI document and the docs page', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    // The mini-program's API types are generated from the committed copy: it must not drift.
    const committed = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as unknown;
    expect(json.body).toEqual(committed); // if this fails: run `pnpm openapi` and commit the result
    expect(json.body.paths['/api/auth/wechat']).toBeDefined();
    expect(json.body.paths['/api/merchant/orders']).toBeDefined();
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('wechat login: a code gives a token, and the same device is the same user', async () => {
    const first = await t.loginUser('phone-a');
    const second = await t.loginUser('phone-a');
    const me1 = await t.http.get('/api/me').set('Authorization', `Bearer ${first}`).expect(200);
    const me2 = await t.http.get('/api/me').set('Authorization', `Bearer ${second}`).expect(200);
    expect(me1.body.id).toBe(me2.body.id);
    expect(me1.body).toMatchObject({ verified: false, phone: null });
  });

  it('wechat login: a reused code is refused with a message to act on', async () => {
    const { body } = await t.http.post('/api/sandbox/wechat/code').send({}).expect(200);
    await t.http.post('/api/auth/wechat').send({ code: body.code }).expect(200);
    const reused = await t.http.post('/api/auth/wechat').send({ code: body.code }).expect(401);
    expect(reused.body).toEqual({ code: 'WECHAT_CODE_INVALID', message: '登录凭证已失效，请重新进入小程序' });
  });

  it('wechat login: an unknown code is refused, a missing one is a 400 in Chinese', async () => {
    await t.http.post('/api/auth/wechat').send({ code: 'forged' }).expect(401);
    const missing = await t.http.post('/api/auth/wechat').send({}).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION', message: '缺少登录凭证，请重新进入小程序' });
  });

  it('wechat login: WeChat rate limiting becomes a 429, WeChat down a retryable 503', async () => {
    const wechat = t.sandbox.get<WechatSimulator>('wechat');
    wechat.nextErrors.push(45011);
    const { body } = await t.http.post('/api/sandbox/wechat/code').send({}).expect(200);
    await t.http.post('/api/auth/wechat').send({ code: body.code }).expect(429);
    wechat.faults.failNext(1);
    const down = await t.http.post('/api/auth/wechat').send({ code: wechat.mintLoginCode() }).expect(503);
    expect(down.body).toMatchObject({ retryable: true });
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const response = await t.http
      .post('/api/auth/wechat')
      .set('Content-Type', 'application/json')
      .send('{"code": ')
      .expect(400);
    expect(response.body.code).toBe('MALFORMED_BODY');
  });

  it('unknown API routes answer 404 in the error shape', async () => {
    const response = await t.http.get('/api/nothing-here').expect(404);
    expect(response.body).toHaveProperty('code', 'NOT_FOUND');
  });

  it('user routes refuse a missing or forged token', async () => {
    await t.http.get('/api/orders').expect(401);
    await t.http.get('/api/orders').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('merchant: login with the right password only, and merchant routes refuse a user token', async () => {
    await t.createMerchant('boss', 'a long enough password');
    await t.http.post('/api/merchant/login').send({ username: 'boss', password: 'wrong password!' }).expect(401);
    await t.http
      .post('/api/merchant/login')
      .send({ username: 'nobody', password: 'a long enough password' })
      .expect(401);
    const login = await t.http
      .post('/api/merchant/login')
      .send({ username: 'boss', password: 'a long enough password' })
      .expect(200);
    expect(login.body.merchant).toEqual({ id: expect.any(Number), username: 'boss', role: 'owner' });
    await t.http.get('/api/merchant/orders').set('Authorization', `Bearer ${login.body.token}`).expect(200);

    const userToken = await t.loginUser();
    const refused = await t.http.get('/api/merchant/orders').set('Authorization', `Bearer ${userToken}`).expect(403);
    expect(refused.body.message).toBe('该功能仅限商户使用');
    await t.http.get('/api/orders').set('Authorization', `Bearer ${login.body.token}`).expect(403);
  });
});
