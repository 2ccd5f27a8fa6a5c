import { User } from '../../src/users/user.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auth } from '../vehicles/support.js';

describe.each(testDatabases())('我的: phone binding through WeChat (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('binds the phone from the button code: stored encrypted, shown masked, given in full to its owner only', async () => {
    const token = await t.loginUser();
    expect((await t.http.get('/api/me').set(auth(token)).expect(200)).body.phone).toBeNull();
    const { body: minted } = await t.http
      .post('/api/sandbox/wechat/phone-code')
      .send({ phone: '13912345678' })
      .expect(200);
    const bound = await t.http.post('/api/me/phone').set(auth(token)).send({ code: minted.code }).expect(200);
    expect(bound.body.phone).toBe('139****5678');
    expect((await t.http.get('/api/me/phone').set(auth(token)).expect(200)).body).toEqual({ phone: '13912345678' });

    const raw = await t.dataSource.query('SELECT phone_enc, phone_index, phone_last4 FROM users WHERE id = ?', [
      bound.body.id,
    ]);
    expect(raw[0].phone_enc).not.toContain('13912345678');
    expect(raw[0].phone_last4).toBe('5678');
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: bound.body.id })).phone).toBe('13912345678');

    const other = await t.loginUser();
    expect((await t.http.get('/api/me/phone').set(auth(other)).expect(200)).body).toEqual({ phone: null });
  });

  it('a used, expired or made-up code is a clear 400, and the phone stays as it was', async () => {
    const token = await t.loginUser();
    const { body: minted } = await t.http.post('/api/sandbox/wechat/phone-code').send({}).expect(200);
    await t.http.post('/api/me/phone').set(auth(token)).send({ code: minted.code }).expect(200);
    const reused = await t.http.post('/api/me/phone').set(auth(token)).send({ code: minted.code }).expect(400);
    expect(reused.body.message).toBe('手机号授权已过期，请重新点击获取手机号');
    await t.http.post('/api/me/phone').set(auth(token)).send({ code: 'made-up' }).expect(400);
    await t.http.post('/api/me/phone').set(auth(token)).send({}).expect(400);
    expect((await t.http.get('/api/me').set(auth(token)).expect(200)).body.phone).toBe('138****8000');
  });
});
