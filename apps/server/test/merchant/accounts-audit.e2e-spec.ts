import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auth } from './support.js';

const OWNER_ONLY = '此操作仅限管理员账号，请联系管理员';

interface AuditRow {
  id: number;
  merchantId: number;
  merchantUsername: string;
  action: string;
  target: string;
  details: Record<string, unknown> | null;
  ip: string;
  createdAt: string;
}

describe.each(testDatabases())('merchant accounts and audit log (%s)', (kind) => {
  let t: TestApp;
  let owner: string;
  let staff: string;

  const login = (username: string, password: string) => t.http.post('/api/merchant/login').send({ username, password });

  beforeAll(async () => {
    t = await startTestApp(kind);
    owner = await t.loginMerchant('boss');
    staff = await t.loginMerchant('clerk', 'staff');
  });
  afterAll(() => t.close());

  it('staff cannot manage accounts nor read the audit log: 403 with a message that says who can', async () => {
    const calls = [
      t.http.get('/api/merchant/accounts'),
      t.http.post('/api/merchant/accounts').send({ username: 'sneaky', password: 'long enough password' }),
      t.http.patch('/api/merchant/accounts/1').send({ disabled: true }),
      t.http.get('/api/merchant/audit-log'),
      t.http.post('/api/merchant/callbacks/1/replay'),
    ];
    for (const call of calls) {
      const response = await call.set(auth(staff)).expect(403);
      expect(response.body).toEqual({ code: 'ROLE_FORBIDDEN', message: OWNER_ONLY });
    }
    // What staff may do: read, ask the vendor and export (replay is the owner's, see the console suite).
    await t.http.get('/api/merchant/orders').set(auth(staff)).expect(200);
    await t.http.get('/api/merchant/dashboard').set(auth(staff)).expect(200);
    await t.http.get('/api/merchant/attention/summary').set(auth(staff)).expect(200);
    const me = await t.http.get('/api/merchant/me').set(auth(staff)).expect(200);
    expect(me.body).toMatchObject({ username: 'clerk', role: 'staff', disabled: false });
    // A user token is no merchant token.
    const user = await t.loginUser();
    await t.http.get('/api/merchant/orders').set(auth(user)).expect(403);
  });

  it('the owner creates a staff account, resets its password, disables and enables it', async () => {
    const created = await t.http
      .post('/api/merchant/accounts')
      .send({ username: 'helper', password: 'first password 1' })
      .set(auth(owner))
      .expect(201);
    expect(created.body).toMatchObject({ username: 'helper', role: 'staff', disabled: false });
    const id = created.body.id as number;

    const duplicate = await t.http
      .post('/api/merchant/accounts')
      .send({ username: 'helper', password: 'another password' })
      .set(auth(owner))
      .expect(409);
    expect(duplicate.body.code).toBe('USERNAME_TAKEN');
    const short = await t.http
      .post('/api/merchant/accounts')
      .send({ username: 'tiny', password: 'short' })
      .set(auth(owner))
      .expect(400);
    expect(short.body).toMatchObject({
      code: 'VALIDATION',
      fields: { password: expect.stringContaining('至少 10 位') },
    });
    await t.http
      .post('/api/merchant/accounts')
      .send({ username: 'a b', password: 'long enough password' })
      .set(auth(owner))
      .expect(400);

    const helper = (await login('helper', 'first password 1').expect(200)).body.token as string;
    await t.http.get('/api/merchant/orders').set(auth(helper)).expect(200);

    await t.http
      .patch(`/api/merchant/accounts/${id}`)
      .send({ password: 'second password 2' })
      .set(auth(owner))
      .expect(200);
    await login('helper', 'first password 1').expect(401);
    // The reset ends the sessions opened with the old password.
    const ended = await t.http.get('/api/merchant/orders').set(auth(helper)).expect(401);
    expect(ended.body).toMatchObject({ code: 'SESSION_ENDED', message: '账号密码已修改，请用新密码重新登录' });
    const again = (await login('helper', 'second password 2').expect(200)).body.token as string;

    const disabled = await t.http
      .patch(`/api/merchant/accounts/${id}`)
      .send({ disabled: true })
      .set(auth(owner))
      .expect(200);
    expect(disabled.body.disabled).toBe(true);
    // Its sessions end at once, and it cannot log in.
    const refused = await t.http.get('/api/merchant/orders').set(auth(again)).expect(401);
    expect(refused.body).toMatchObject({ code: 'MERCHANT_DISABLED', message: '该商户账号已停用，请联系管理员' });
    await login('helper', 'second password 2').expect(401);

    await t.http.patch(`/api/merchant/accounts/${id}`).send({ disabled: false }).set(auth(owner)).expect(200);
    await login('helper', 'second password 2').expect(200);

    const list = await t.http.get('/api/merchant/accounts').set(auth(owner)).expect(200);
    expect(list.body.items.map((a: { username: string }) => a.username)).toEqual(['boss', 'clerk', 'helper']);
    expect(JSON.stringify(list.body)).not.toMatch(/password|scrypt/i);
  });

  it('an owner cannot disable themselves; an empty change and an unknown account say so', async () => {
    const me = await t.http.get('/api/merchant/me').set(auth(owner)).expect(200);
    const self = await t.http
      .patch(`/api/merchant/accounts/${me.body.id}`)
      .send({ disabled: true })
      .set(auth(owner))
      .expect(409);
    expect(self.body).toMatchObject({ code: 'CANNOT_DISABLE_SELF' });
    await t.http.get('/api/merchant/orders').set(auth(owner)).expect(200);
    const empty = await t.http.patch(`/api/merchant/accounts/${me.body.id}`).send({}).set(auth(owner)).expect(400);
    expect(empty.body.code).toBe('NOTHING_TO_CHANGE');
    await t.http.patch('/api/merchant/accounts/9999').send({ disabled: true }).set(auth(owner)).expect(404);
    // null is not "left out": it is refused with the field's own message (it answered 500).
    const other = (await t.http.get('/api/merchant/accounts').set(auth(owner)).expect(200)).body.items.find(
      (account: { id: number }) => account.id !== me.body.id,
    );
    const nullPassword = await t.http
      .patch(`/api/merchant/accounts/${other.id}`)
      .send({ password: null })
      .set(auth(owner))
      .expect(400);
    expect(nullPassword.body).toMatchObject({ code: 'VALIDATION', message: '请填写密码' });
    const nullDisabled = await t.http
      .patch(`/api/merchant/accounts/${other.id}`)
      .send({ disabled: null })
      .set(auth(owner))
      .expect(400);
    expect(nullDisabled.body).toMatchObject({ code: 'VALIDATION', message: '停用状态应为 true 或 false' });
    await t.http.patch('/api/merchant/accounts/x').send({ disabled: true }).set(auth(owner)).expect(404);
  });

  it('every merchant action is in the audit log, newest first, paged, with who, what, target and ip', async () => {
    const userId = await userIdOf(t, await t.loginUser('audited'));
    const order = await seedOrder(t, userId, 'identity');
    await t.http.post(`/api/merchant/orders/${order.id}/refresh-status`).set(auth(staff)).expect(409);
    await t.http
      .get('/api/merchant/orders/export')
      .query({ format: 'csv', kind: 'identity' })
      .set(auth(staff))
      .expect(200);
    await t.http.post('/api/merchant/callbacks/424242/replay').set(auth(owner)).expect(404);
    await login('clerk', 'wrong password').expect(401);

    const rows: AuditRow[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: AuditRow[]; nextCursor: string | null } } = await t.http
        .get('/api/merchant/audit-log')
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .set(auth(owner))
        .expect(200);
      rows.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(rows.map((row) => row.id)).toEqual([...rows].map((row) => row.id).sort((a, b) => b - a));

    const actions = rows.map((row) => `${row.merchantUsername}:${row.action}`).reverse();
    expect(actions).toEqual([
      'boss:login',
      'clerk:login',
      'boss:account_create',
      'helper:login',
      'boss:account_update',
      'helper:login_failed',
      'helper:login',
      'boss:account_update',
      'helper:login_failed',
      'boss:account_update',
      'helper:login',
      'clerk:order_status_query',
      'clerk:orders_export',
      'boss:callback_replay',
      'clerk:login_failed',
    ]);
    const find = (action: string) => rows.find((row) => row.action === action) as AuditRow;
    expect(find('account_create')).toMatchObject({
      target: expect.stringMatching(/^merchant:\d+$/),
      details: { username: 'helper', role: 'staff' },
    });
    expect(rows.filter((row) => row.action === 'account_update').map((row) => row.details)).toEqual([
      { username: 'helper', disabled: false },
      { username: 'helper', disabled: true },
      { username: 'helper', passwordReset: true },
    ]);
    expect(find('order_status_query')).toMatchObject({
      target: `order:${order.id}`,
      details: { ok: false, reason: 'no_query_api' },
    });
    expect(find('orders_export').details).toMatchObject({ format: 'csv', kind: 'identity' });
    expect(find('callback_replay')).toMatchObject({ target: 'vendor_event:424242', details: { ok: false } });
    expect(find('login_failed').details).toEqual({ reason: 'bad_password' });
    expect(rows.every((row) => /127\.0\.0\.1/.test(row.ip))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/password 1|password 2|wrong password/);

    const onlyExports = await t.http
      .get('/api/merchant/audit-log')
      .query({ action: 'orders_export' })
      .set(auth(owner))
      .expect(200);
    expect(onlyExports.body.items.map((row: AuditRow) => row.action)).toEqual(['orders_export']);
    const clerk = rows.find((row) => row.merchantUsername === 'clerk') as AuditRow;
    const byClerk = await t.http
      .get('/api/merchant/audit-log')
      .query({ merchantId: clerk.merchantId })
      .set(auth(owner))
      .expect(200);
    expect(byClerk.body.items.every((row: AuditRow) => row.merchantUsername === 'clerk')).toBe(true);
    await t.http.get('/api/merchant/audit-log').query({ action: 'dance' }).set(auth(owner)).expect(400);
  });

  it('an owner changes their own password only with the current one, and their other sessions end', async () => {
    await t.createMerchant('chief', 'chief password 1', 'owner');
    const phone = (await login('chief', 'chief password 1').expect(200)).body.token as string;
    const desk = (await login('chief', 'chief password 1').expect(200)).body.token as string;
    const me = (await t.http.get('/api/merchant/me').set(auth(desk)).expect(200)).body as { id: number };
    const change = (body: Record<string, unknown>) =>
      t.http.patch(`/api/merchant/accounts/${me.id}`).send(body).set(auth(desk));

    const bare = await change({ password: 'taken over 123' }).expect(400);
    expect(bare.body).toMatchObject({ code: 'CURRENT_PASSWORD_REQUIRED', message: '修改自己的密码需要先填写当前密码' });
    const wrong = await change({ password: 'taken over 123', currentPassword: 'a guess at it' }).expect(400);
    expect(wrong.body).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD', message: '当前密码不正确，请重新输入' });
    await login('chief', 'taken over 123').expect(401);
    await t.http.get('/api/merchant/orders').set(auth(phone)).expect(200);

    const changed = await change({ password: 'chief password 2', currentPassword: 'chief password 1' }).expect(200);
    expect(changed.body).toMatchObject({ id: me.id, username: 'chief', token: expect.any(String) });
    // The other session has ended; this one goes on under the token it was given; the old token is gone too.
    expect((await t.http.get('/api/merchant/orders').set(auth(phone)).expect(401)).body.code).toBe('SESSION_ENDED');
    await t.http.get('/api/merchant/orders').set(auth(desk)).expect(401);
    await t.http.get('/api/merchant/orders').set(auth(changed.body.token)).expect(200);
    await login('chief', 'chief password 1').expect(401);
    await login('chief', 'chief password 2').expect(200);

    const log = await t.http.get('/api/merchant/audit-log?action=password_change_failed').set(auth(owner)).expect(200);
    expect(log.body.items[0]).toMatchObject({ merchantUsername: 'chief', target: `merchant:${me.id}` });
  });

  it('the OpenAPI document describes the console routes for the mini-program', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      '/api/merchant/orders',
      '/api/merchant/orders/counts',
      '/api/merchant/orders/export',
      '/api/merchant/orders/{id}',
      '/api/merchant/orders/{id}/refresh-status',
      '/api/merchant/callbacks/{id}/replay',
      '/api/merchant/attention/summary',
      '/api/merchant/attention/callbacks',
      '/api/merchant/attention/stuck-orders',
      '/api/merchant/dashboard',
      '/api/merchant/accounts',
      '/api/merchant/accounts/{id}',
      '/api/merchant/audit-log',
      '/api/merchant/me',
    ]) {
      expect(paths).toContain(path);
    }
    const query = doc.body.paths['/api/merchant/orders'].get.parameters.map((p: { name: string }) => p.name);
    expect(query).toEqual(
      expect.arrayContaining([
        'kind',
        'status',
        'from',
        'to',
        'orderNo',
        'vendorRef',
        'phoneLast4',
        'sort',
        'cursor',
        'limit',
      ]),
    );
    expect(doc.body.components.schemas.MerchantConsoleOrderDetailDto.properties).toHaveProperty('callbacks');
  });
});
