import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { CallbackInbox } from '../../src/callbacks/callback-inbox.service.js';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { Transactions } from '../../src/database/transactions.js';
import { OrderStatusRefreshers } from '../../src/orders/order-status-refresher.js';
import { Order } from '../../src/orders/order.entity.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { UsersService } from '../../src/users/users.service.js';
import { rawCallback, testVendorHandler } from '../merchant/support.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';
import { RAW_WORDS } from './support/raw-words.js';

const PHONE = '13712348888';

/** Pixels drawn on each visible chart canvas (alpha > 0), read back from the canvas itself. */
function drawnPixels(page: Page): Promise<Array<{ width: number; height: number; drawn: number; colours: number }>> {
  return page.locator('.f2-chart canvas >> visible=true').evaluateAll((canvases) =>
    canvases.map((element) => {
      const canvas = element as unknown as {
        width: number;
        height: number;
        getContext(type: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0) {
          drawn++;
          colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        }
      }
      return { width: canvas.width, height: canvas.height, drawn, colours: colours.size };
    }),
  );
}

describeInBrowser('the merchant console in the H5 app', () => {
  let s: BrowserSession;
  const knobs = { failApply: 0 };
  let handler: ReturnType<typeof testVendorHandler>;

  beforeAll(async () => {
    s = await startBrowserSession();
    const { t } = s;
    handler = testVendorHandler(t.app.get(OrdersService), knobs);
    const inbox = t.app.get(CallbackInbox);
    inbox.register(handler);

    // Customers: one with a known phone, one without.
    const alice = await userIdOf(t, await t.loginUser('console-alice'));
    const bob = await userIdOf(t, await t.loginUser('console-bob'));
    await t.app.get(UsersService).setPhone(alice, PHONE);
    const kinds = ['id_photo', 'invoice_scan', 'identity', 'violation_payment', 'inspection'] as const;
    const steps = [
      { status: 'pending', vendorStatus: '1', progress: 10 },
      { status: 'processing', vendorStatus: '2', progress: 20 },
      { status: 'completed', vendorStatus: '3', progress: 30 },
      { status: 'failed', vendorStatus: '9', progress: 40 },
    ] as const;
    const orders = t.dataSource.getRepository(Order);
    for (let i = 0; i < 30; i++) {
      const order = await seedOrder(t, i % 3 === 0 ? alice : bob, kinds[((i * 7) % 11) % kinds.length], {
        ...steps[i % steps.length],
      });
      // Spread over the last week, so the dashboard has a week to draw; completed ones took a while.
      const createdAt = new Date(Date.now() - (i % 7) * 86_400_000 - (i % 5) * 3600_000 - 3600_000);
      const statusChangedAt = new Date(createdAt.getTime() + (i % 4) * 1800_000);
      await orders.update({ id: order.id }, { createdAt, statusChangedAt, updatedAt: statusChangedAt });
    }
    // An ID-photo order of Alice's that the vendor calls back about: twice the same, once forged.
    await seedOrder(t, alice, 'id_photo', { status: 'pending', vendorStatus: '1', progress: 10 }, 'ZJ-CONSOLE-1');
    const callback = { ref: 'ZJ-CONSOLE-1', sign: 'good', id_number: '110101199003071233', mobile: PHONE };
    await inbox.receive(handler, rawCallback({ ...callback, status: 2 }));
    await inbox.receive(handler, rawCallback({ ...callback, status: 2 }));
    await inbox.receive(handler, rawCallback({ ...callback, status: 3, sign: 'forged' }));
    // Another one whose callback fails while applying: the merchant will replay it.
    await seedOrder(t, alice, 'id_photo', { status: 'processing', vendorStatus: '2', progress: 20 }, 'ZJ-CONSOLE-2');
    knobs.failApply = 1;
    await inbox.receive(handler, rawCallback({ ref: 'ZJ-CONSOLE-2', sign: 'good', status: 3 }));

    // Violation-payment orders can be asked about (the vehicles service registers the real one).
    t.app.get(OrderStatusRefreshers).register({
      kind: 'violation_payment',
      refresh: async (orderId) => {
        await t.app
          .get(Transactions)
          .run((manager) =>
            t.app
              .get(OrdersService)
              .applyStep(
                manager,
                orderId,
                { status: 'completed', vendorStatus: 'done', progress: 90 },
                { actor: 'system', message: '服务商查询：代缴已完成' },
              ),
          );
      },
    });

    await t.createMerchant('boss', 'boss-password-1');
  }, 90_000);
  afterAll(() => s?.close());

  const JOURNEY_MS = 180_000;

  it(
    'logs in, filters, opens an order with its callbacks, replays a failed one, sees the dashboard and exports',
    async () => {
      const { page, t } = s;
      await page.goto('/#/merchant/pages/login/index');
      await page.locator('.merchant-login-username input').fill('boss');
      await page.locator('.merchant-login-password input').fill('boss-password-1');
      await page.locator('.merchant-login-submit').click();
      await page.locator('.merchant-order-list .order-row').first().waitFor();
      await page.locator('.status-count--all .status-count__number').getByText('32').waitFor();
      await settle(page);
      await s.shot('merchant-console-01-orders');

      // Filter: Alice's phone tail and the ID-photo kind.
      await page.locator('.merchant-filter-toggle').click();
      await page.locator('.merchant-filter-kind').getByText('证件照回执').click();
      await page.locator('.merchant-filter-phone input').fill(PHONE.slice(-4));
      await s.shot('merchant-console-02-filter-form');
      await page.locator('.merchant-filter-submit').click();
      const expected = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM orders WHERE kind = 'id_photo' AND user_id = ${await userIdOf(t, await t.loginUser('console-alice'))}`,
      );
      const count = Number((expected as Array<{ n: number }>)[0].n);
      await page.locator('.status-count--all .status-count__number').getByText(String(count)).waitFor();
      await expectRowCount(page, count);
      await s.shot('merchant-console-03-filtered');

      // The order the vendor called back about: its callbacks, masked.
      await page.locator('.merchant-order-list .order-row', { hasText: '证件照回执' }).first().waitFor();
      const target = await t.dataSource.getRepository(Order).findOneByOrFail({ vendorRef: 'ZJ-CONSOLE-1' });
      await page.locator('.merchant-order-list .order-row', { hasText: target.orderNo }).click();
      // The server's labelled sections, in Chinese, no raw key; the vendor events with their counts.
      const detail = page.locator('.merchant-order-detail-page >> visible=true');
      await detail.locator('.view-section').first().waitFor();
      expect(await detail.locator('.view-section').count()).toBeGreaterThanOrEqual(2);
      const events = detail.locator('.merchant-vendor-events');
      await expect(events.locator('.merchant-section__title').textContent()).resolves.toBe('服务商事件（1）');
      await expect(events.locator('.vendor-event').count()).resolves.toBe(1);
      await expect(events.textContent()).resolves.toContain('重复推送：1 次');
      await expect(events.textContent()).resolves.toContain('验签通过');
      const shown = await detail.innerText();
      expect(shown).not.toMatch(RAW_WORDS);
      expect(shown).toContain('137****8888');
      await settle(page);
      await s.shot('merchant-console-04-order-detail');
      await events.locator('.vendor-event__toggle').first().click();
      const payload = await events.locator('.vendor-event__payload').textContent();
      expect(payload).toContain('137****8888');
      expect(payload).not.toContain(PHONE);
      expect(payload).not.toContain('110101199003071233');
      await events.locator('.vendor-event__payload').scrollIntoViewIfNeeded();
      await s.shot('merchant-console-05-order-callbacks');

      // Attention: the failed callback, replayed once.
      await page.goto('/#/merchant/pages/attention/index');
      const failedList = page.locator('.attention-callback-list--failed >> visible=true');
      await failedList.locator('.callback-card').first().waitFor();
      await settle(page);
      await s.shot('merchant-console-06-attention');
      await failedList.locator('.callback-card__replay').first().click();
      await page.locator('.taro-modal__foot >> visible=true').getByText('重放').click();
      await page.getByText('没有处理失败的回调').waitFor();
      const replayed = await t.dataSource.getRepository(Order).findOneByOrFail({ vendorRef: 'ZJ-CONSOLE-2' });
      expect(replayed.status).toBe('completed');
      const [event] = await t.dataSource.getRepository(VendorEvent).findBy({ dedupeKey: 'testvendor:ZJ-CONSOLE-2:3' });
      expect(event).toMatchObject({ status: 'applied', attempts: 2 });
      await s.shot('merchant-console-07-replayed');
      await page.locator('.attention-tab--stuck').click();
      const stuck = page.locator('.stuck-order-list >> visible=true');
      await stuck.locator('.order-row').first().waitFor();
      expect(await stuck.locator('.order-row').count()).toBeGreaterThan(0);
      await expect(stuck.textContent()).resolves.toContain('已停留');
      await page.waitForTimeout(1600); // the replay's toast fades
      await s.shot('merchant-console-07b-stuck-orders');
      // Ask the vendor about a stuck violation-payment order: it completes and leaves the list.
      const before = await stuck.locator('.order-row').count();
      const payment = stuck.locator('.order-row', { hasText: '违章代缴' }).first();
      const paymentNo = (await payment.locator('.order-row__no').innerText()).replace('订单号 ', '');
      await payment.locator('.stuck-order__refresh').click();
      await page.getByText('状态已更新').waitFor();
      for (let i = 0; i < 40 && (await stuck.locator('.order-row').count()) !== before - 1; i++)
        await page.waitForTimeout(250);
      expect(await stuck.locator('.order-row').count()).toBe(before - 1);
      expect((await t.dataSource.getRepository(Order).findOneByOrFail({ orderNo: paymentNo })).status).toBe(
        'completed',
      );
      await s.shot('merchant-console-07c-status-refreshed');

      // Dashboard: three charts actually drawn.
      await page.locator('.merchant-nav__item--dashboard >> visible=true').click();
      await page.locator('.dashboard-total >> visible=true').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.f2-chart canvas').length >= 3, undefined, {
        timeout: 15_000,
      });
      let pixels: Awaited<ReturnType<typeof drawnPixels>> = [];
      for (let i = 0; i < 40; i++) {
        pixels = await drawnPixels(page);
        if (pixels.length >= 3 && pixels.every((chart) => chart.drawn > 2000 && chart.colours > 3)) break;
        await page.waitForTimeout(250);
      }
      expect(pixels).toHaveLength(3);
      for (const chart of pixels) {
        expect(chart.width).toBeGreaterThan(300);
        expect(chart.drawn).toBeGreaterThan(2000);
        expect(chart.colours).toBeGreaterThan(3);
      }
      const dataUrl = await page
        .locator('#chart-daily canvas, canvas#chart-daily')
        .first()
        .evaluate((canvas) => (canvas as unknown as { toDataURL(): string }).toDataURL());
      expect(dataUrl.length).toBeGreaterThan(5000);
      await settle(page);
      await s.shot('merchant-console-08-dashboard');
      await page.locator('.dashboard-chart--vendors >> visible=true').scrollIntoViewIfNeeded();
      await s.shot('merchant-console-08b-dashboard-vendors');

      // Export what the list shows (no filter): CSV, then Excel.
      await page.locator('.merchant-nav__item--orders >> visible=true').click();
      await page.locator('.merchant-order-list .order-row >> visible=true').first().waitFor();
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.export-csv >> visible=true').click(),
      ]);
      expect(csv.suggestedFilename()).toMatch(/^banshi-orders-\d{8}\.csv$/);
      const text = readFileSync((await csv.path()) as string, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines[0].split(',')[0]).toBe('订单号');
      expect(lines).toHaveLength(32 + 1);
      expect(text).not.toContain(PHONE);
      expect(text).toContain('137****8888');

      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.export-xlsx >> visible=true').click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await xlsx.path()) as string);
      expect(workbook.getWorksheet('订单')?.actualRowCount).toBe(32 + 1);
      await s.shot('merchant-console-09-exported');
    },
    JOURNEY_MS,
  );

  it(
    'the owner creates a staff account and reads the audit log; staff see neither page',
    async () => {
      const { page } = s;
      await page.goto('/#/merchant/pages/accounts/index');
      await page.locator('.account-row--boss >> visible=true').waitFor();
      await page.locator('.account-create__username input').fill('clerk');
      await page.locator('.account-create__password input').fill('clerk-password-1');
      await page.locator('.account-create__submit').click();
      await page.locator('.account-row--clerk >> visible=true').waitFor();
      await expect(page.locator('.account-row--clerk >> visible=true').textContent()).resolves.toContain('员工');
      await settle(page);
      await s.shot('merchant-console-10-accounts');

      await page.locator('.merchant-nav__item--audit >> visible=true').click();
      const log = page.locator('.audit-log-list >> visible=true');
      await log.locator('.audit-row').first().waitFor();
      const actions = await log.locator('.audit-row__action').allInnerTexts();
      expect(actions.slice(0, 6)).toEqual(['创建账号', '导出订单', '导出订单', '查询服务商状态', '重放回调', '登录']);
      await settle(page);
      await s.shot('merchant-console-11-audit-log');

      // Staff: three tabs, and the owner's pages say who may use them.
      await page.locator('.merchant-nav__item--orders >> visible=true').click();
      await page.locator('.merchant-logout >> visible=true').click();
      await page.locator('.merchant-login-username input >> visible=true').fill('clerk');
      await page.locator('.merchant-login-password input >> visible=true').fill('clerk-password-1');
      await page.locator('.merchant-login-submit >> visible=true').click();
      await page.locator('.merchant-order-list .order-row >> visible=true').first().waitFor();
      await expect(page.locator('.merchant-nav__text >> visible=true').allInnerTexts()).resolves.toEqual([
        '订单',
        '看板',
        '待处理',
      ]);
      await page.goto('/#/merchant/pages/audit-log/index');
      await page.getByText('仅管理员可以查看操作日志').waitFor();
      await settle(page);
      await s.shot('merchant-console-12-staff-no-audit');

      // A callback fails while applying: staff see it on the attention page, but no replay (the owner's).
      await seedOrder(
        s.t,
        await userIdOf(s.t, await s.t.loginUser('console-bob')),
        'id_photo',
        { status: 'processing', vendorStatus: '2', progress: 20 },
        'ZJ-CONSOLE-3',
      );
      knobs.failApply = 1;
      await s.t.app.get(CallbackInbox).receive(handler, rawCallback({ ref: 'ZJ-CONSOLE-3', sign: 'good', status: 3 }));
      await page.goto('/#/merchant/pages/attention/index');
      const failedList = page.locator('.attention-callback-list--failed >> visible=true');
      await failedList.locator('.callback-card').first().waitFor();
      await page.getByText('需要重放时请联系店主', { exact: false }).first().waitFor();
      expect(await failedList.locator('.callback-card__replay').count()).toBe(0);
      await s.shot('merchant-console-13-staff-attention');
    },
    JOURNEY_MS,
  );
});

/** Lets Taro's page transition finish before a screenshot. */
function settle(page: Page): Promise<void> {
  return page.waitForTimeout(600);
}

async function expectRowCount(page: Page, count: number): Promise<void> {
  const rows = page.locator('.merchant-order-list .order-row >> visible=true');
  for (let i = 0; i < 40 && (await rows.count()) !== count; i++) await page.waitForTimeout(250);
  expect(await rows.count()).toBe(count);
}
