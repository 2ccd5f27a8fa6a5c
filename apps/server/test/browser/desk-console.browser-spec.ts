import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CallbackInbox } from '../../src/callbacks/callback-inbox.service.js';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { Order } from '../../src/orders/order.entity.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { UsersService } from '../../src/users/users.service.js';
import { rawCallback, testVendorHandler } from '../merchant/support.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { describeInBrowser, SCREENSHOTS, startBrowserSession, type BrowserSession } from './support/browser.js';
import { consoleLogin as login, pick } from './support/console.js';
import { RAW_WORDS } from './support/raw-words.js';

const PHONE = '13712346666';
const KINDS = ['id_photo', 'invoice_scan', 'identity', 'violation_payment', 'inspection'] as const;

const rows = (page: Page) => page.locator('.order-table tbody tr.ant-table-row');

async function rowCount(page: Page, expected: number) {
  for (let i = 0; i < 60 && (await rows(page).count()) !== expected; i++) await page.waitForTimeout(100);
  return rows(page).count();
}

describeInBrowser('the desk console at /console', () => {
  const sessions: BrowserSession[] = [];
  const knobs = { failApply: 0 };
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession('sqlite', {}, { width: 1440, height: 900 });
    sessions.push(s);
    const { t } = s;
    const handler = testVendorHandler(t.app.get(OrdersService), knobs);
    const inbox = t.app.get(CallbackInbox);
    inbox.register(handler);
    const alice = await userIdOf(t, await t.loginUser('desk-alice'));
    const bob = await userIdOf(t, await t.loginUser('desk-bob'));
    await t.app.get(UsersService).setPhone(alice, PHONE);
    const orders = t.dataSource.getRepository(Order);
    for (let i = 0; i < 70; i++) {
      const order = await seedOrder(t, i % 4 === 0 ? alice : bob, KINDS[i % KINDS.length]);
      const createdAt = new Date(Date.now() - (70 - i) * 3_600_000);
      await orders.update({ id: order.id }, { createdAt, updatedAt: createdAt, amountFen: 500 + i * 100 });
    }
    // Alice's ID-photo order the vendor called back about (a forged callback is stored, never tied to it),
    // and two callbacks that fail while applying.
    await seedOrder(t, alice, 'id_photo', { status: 'pending', vendorStatus: '1', progress: 10 }, 'ZJ-DESK-1');
    await inbox.receive(handler, rawCallback({ ref: 'ZJ-DESK-1', sign: 'good', status: 2, mobile: PHONE }));
    await inbox.receive(handler, rawCallback({ ref: 'ZJ-DESK-1', sign: 'forged', status: 3 }));
    for (const ref of ['ZJ-DESK-2', 'ZJ-DESK-3']) {
      await seedOrder(t, bob, 'id_photo', { status: 'processing', vendorStatus: '2', progress: 20 }, ref);
      knobs.failApply = 1;
      await inbox.receive(handler, rawCallback({ ref, sign: 'good', status: 3 }));
    }
    await t.createMerchant('boss', 'boss-password-1');
    await t.createMerchant('clerk', 'clerk-password-1', 'staff');
  }, 120_000);
  afterAll(async () => {
    for (const session of sessions) await session.close();
  });

  it('logs in, filters, pages to 50 rows, sorts, opens a drawer, exports a selection and replays (1440×900)', async () => {
    const { page, t } = s;
    await login(page, 'boss', 'boss-password-1');
    expect(await rowCount(page, 20)).toBe(20);
    await s.shot('desk-01-orders-1440');
    // Twenty orders and every filter in one screen.
    const last = await rows(page).nth(19).boundingBox();
    expect(last && last.y + last.height).toBeLessThanOrEqual(900);
    for (const filter of [
      '.filter-kind',
      '.filter-status',
      '.filter-range',
      '.filter-phone',
      '.filter-vendor-ref',
      '.filter-min',
      '.filter-max',
    ]) {
      const box = await page.locator(filter).first().boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(900);
    }
    await expect(page.locator('.order-total').innerText()).resolves.toContain('73');
    await expect(page.locator('.console-role').innerText()).resolves.toBe('管理员');

    // Filters apply without a reload and live in the URL.
    await pick(page, '.filter-kind', '证件照回执');
    await page.locator('.filter-phone input').fill(PHONE.slice(-4));
    await page.locator('.filter-phone input').press('Enter');
    await page.waitForURL(/kind=id_photo.*phoneLast4=6666|phoneLast4=6666.*kind=id_photo/);
    const [{ n }] = (await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM orders o JOIN users u ON u.id = o.user_id WHERE o.kind = 'id_photo' AND u.phone_last4 = '6666'`,
    )) as Array<{ n: number }>;
    await page.locator('.order-total', { hasText: `共 ${Number(n)} 单` }).waitFor();
    expect(await rowCount(page, Number(n))).toBe(Number(n));
    await page.reload();
    await page.locator('.order-total', { hasText: `共 ${Number(n)} 单` }).waitFor();
    await expect(page.locator('.filter-phone input').inputValue()).resolves.toBe('6666');
    await s.shot('desk-02-filtered');

    // The detail drawer: the server's sections, no raw key; the callbacks behind a tab, payload masked.
    const target = await t.dataSource.getRepository(Order).findOneByOrFail({ vendorRef: 'ZJ-DESK-1' });
    await page.locator('.order-no', { hasText: target.orderNo }).click();
    const drawer = page.locator('.order-drawer');
    await drawer.locator('.view-section').first().waitFor();
    expect(await drawer.locator('.view-section').count()).toBeGreaterThanOrEqual(2);
    const text = await drawer.locator('.ant-drawer-body').innerText();
    expect(text).not.toMatch(RAW_WORDS);
    expect(text).toContain('137****6666');
    await s.shot('desk-03-drawer');
    await drawer.getByRole('tab', { name: /服务商事件（1）/ }).click();
    await drawer.locator('.vendor-event').first().locator('.ant-collapse-header').click();
    const payload = await drawer.locator('.vendor-event__payload').first().innerText();
    expect(payload).toContain('137****6666');
    expect(payload).not.toContain(PHONE);
    await expect(drawer.locator('.ant-drawer-body').innerText()).resolves.toContain('验签通过');
    await s.shot('desk-04-drawer-vendor-events');
    await page.keyboard.press('Escape');

    // Back to every order: 50 a page, next page, oldest first.
    await page.locator('.filter-reset').click();
    await page.locator('.order-total', { hasText: '共 73 单' }).waitFor();
    await pick(page, '.page-size', '50 条/页');
    await page.waitForURL(/size=50/);
    expect(await rowCount(page, 50)).toBe(50);
    await page.locator('.pager-next').click();
    expect(await rowCount(page, 23)).toBe(23);
    await page.locator('.ant-table-column-has-sorters', { hasText: '下单时间' }).click();
    await page.waitForURL(/sort=asc/);
    await rowCount(page, 50);
    const oldest = await t.dataSource.getRepository(Order).find({ order: { createdAt: 'ASC', id: 'ASC' }, take: 1 });
    await expect(rows(page).first().innerText()).resolves.toContain(oldest[0].orderNo);
    await s.shot('desk-05-50-rows-oldest-first');

    // Export a selection of two: masked CSV of those two, audited.
    await rows(page).nth(0).locator('.ant-checkbox-input').check();
    await rows(page).nth(1).locator('.ant-checkbox-input').check();
    await page.locator('.export-button', { hasText: '导出所选（2）' }).hover();
    const downloading = page.waitForEvent('download');
    await page.locator('.ant-dropdown-menu-item', { hasText: 'CSV' }).click();
    const file = await (await downloading).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    expect(csv).not.toContain(PHONE);
    const [{ n: audits }] = (await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM merchant_audit_log WHERE action = 'orders_export'",
    )) as Array<{ n: number }>;
    expect(Number(audits)).toBe(1);

    // The owner replays a failed callback from the attention list.
    await page.locator('.console-menu').getByText('待处理').click();
    const failed = page.locator('.callback-table--failed');
    await failed.locator('.replay-button').first().waitFor();
    await s.shot('desk-06-attention');
    await failed.locator('.replay-button').first().click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await page.getByText('已重放，回调已处理').waitFor();
    const replayed = await t.dataSource.getRepository(VendorEvent).findBy({ status: 'applied', attempts: 2 });
    expect(replayed).toHaveLength(1);
    await s.shot('desk-07-replayed');

    await page.locator('.console-menu').getByText('数据看板').click();
    await page.locator('.f2-canvas').first().waitFor();
    await page.waitForTimeout(500);
    await s.shot('desk-08-dashboard');
  }, 180_000);

  it('staff see the orders but are refused the replay (1024×768)', async () => {
    // The same server and data, in a second browser window of a narrower desk.
    const context = await s.browser.newContext({
      baseURL: s.t.baseUrl,
      viewport: { width: 1024, height: 768 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
    await page.goto('/console/orders');
    await page.locator('.login-username').fill('clerk');
    await page.locator('.login-password input').fill('clerk-password-1');
    await page.locator('.login-submit').click();
    await page.locator('.order-table tbody tr.ant-table-row').first().waitFor();
    await expect(page.locator('.console-role').innerText()).resolves.toBe('员工');
    expect(await page.locator('.console-menu').getByText('账号管理').count()).toBe(0);
    await shot('desk-11-orders-1024');
    await page.locator('.order-no').first().click();
    await page.locator('.order-drawer .view-section').first().waitFor();
    await shot('desk-12-drawer-1024');
    await page.keyboard.press('Escape');
    await page.locator('.console-menu').getByText('待处理').click();
    const replay = page.locator('.callback-table--failed .replay-button').first();
    await replay.waitFor();
    expect(await replay.isDisabled()).toBe(true);
    const token = await page.evaluate(() => localStorage.getItem('banshi.console.token'));
    const [event] = await s.t.dataSource.getRepository(VendorEvent).findBy({ status: 'failed' });
    const refused = await fetch(`${s.t.baseUrl}/api/merchant/callbacks/${event.id}/replay`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(403);
    await shot('desk-13-attention-staff-1024');
    await context.close();
  }, 180_000);
});
