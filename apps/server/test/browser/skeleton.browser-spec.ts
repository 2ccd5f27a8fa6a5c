import { seedOrder, userIdOf } from '../support/orders.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

describeInBrowser('the H5 app: user home and orders, merchant list', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession();
  }, 60_000);
  afterAll(() => s?.close());

  const JOURNEY_MS = 120_000;

  it(
    'a user logs in by itself, sees home and their orders with a timeline',
    async () => {
      const { page, t } = s;
      await page.goto('/');
      await page.getByText('办事').first().waitFor();
      await page.waitForFunction(() =>
        Boolean((globalThis as unknown as { localStorage: Storage }).localStorage.getItem('banshi.token')),
      );
      await s.userShot('skeleton-01-home');

      const userId = await userIdOf(t, await currentUserToken(page));
      await seedOrder(t, userId, 'id_photo');
      const scan = await seedOrder(t, userId, 'invoice_scan', { status: 'completed', vendorStatus: '3', progress: 30 });

      await page.goto('/#/pages/orders/index');
      await page.locator('.order-row').first().waitFor();
      expect(await page.locator('.order-row').count()).toBe(2);
      await page.getByText('已完成').first().waitFor();
      await s.userShot('skeleton-02-my-orders');

      // Every order has the generic timeline (a service's own page links to it as 办理进度). These orders
      // are seeded bare, without a service's records, so it is opened directly.
      await page.goto(`/#/pages/order/index?id=${scan.id}`);
      await page.locator('.order-timeline').waitFor();
      await page.locator('.order-event').first().waitFor();
      await s.userShot('skeleton-03-order-detail');
    },
    JOURNEY_MS,
  );

  it(
    'a merchant logs in, pages through the seeded list with infinite scroll, and opens an order',
    async () => {
      const { page, t } = s;
      const seededUser = await userIdOf(t, await t.loginUser('browser-customer'));
      for (let i = 0; i < 45; i++) await seedOrder(t, seededUser, i % 2 ? 'violation_payment' : 'id_photo');
      await t.createMerchant('console', 'console-password-1');

      await page.goto('/#/merchant/pages/login/index');
      await page.locator('.merchant-login-username input').fill('console');
      await page.locator('.merchant-login-password input').fill('console-password-1');
      await s.shot('skeleton-04-merchant-login');
      await page.locator('.merchant-login-submit').click();
      await page.locator('.merchant-order-list .order-row').first().waitFor();
      expect(await page.locator('.merchant-order-list .order-row').count()).toBe(20);

      // Scroll until the list says there is nothing more: 45 seeded + the 2 from the first journey.
      // Earlier pages stay in Taro's H5 page stack, hidden: only look at visible elements.
      const end = page.locator('.list-footer__end >> visible=true');
      for (let i = 0; i < 20 && (await end.count()) === 0; i++) {
        await page.mouse.move(195, 500);
        await page.mouse.wheel(0, 4000);
        await page.waitForTimeout(300);
        // The footer offers 加载更多 when a page is too short to scroll; click the button, not its text.
        const more = page.locator('.list-footer__more >> visible=true');
        // Infinite scroll may load the same page meanwhile and replace the footer: a click that lands
        // on a detached button is not a failure, the loop looks again.
        if ((await more.count()) > 0)
          await more
            .first()
            .click({ timeout: 3000 })
            .catch(() => undefined);
      }
      const orderNos = await page.locator('.merchant-order-list .order-row').allInnerTexts();
      expect(orderNos).toHaveLength(47);
      expect(new Set(orderNos).size).toBe(47);
      await s.shot('skeleton-05-merchant-list');

      await page.locator('.merchant-order-list .order-row').nth(3).click();
      await page.locator('.merchant-timeline').waitFor();
      await s.shot('skeleton-06-merchant-order-detail');
    },
    JOURNEY_MS,
  );
});
