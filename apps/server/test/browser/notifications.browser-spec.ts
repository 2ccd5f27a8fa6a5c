import { bearer, fastVendor, placeOrder, waitForOrder } from '../id-photo/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

describeInBrowser('the H5 app: message centre badge and phone binding on 我的', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession();
  }, 60_000);
  afterAll(() => s?.close());

  /** Only what is on screen: earlier pages stay in Taro's H5 page stack, hidden. */
  const visible = (selector: string) => s.page.locator(`${selector} >> visible=true`);
  const tabBadge = () => visible('.taro-tabbar__tabbar .weui-badge');

  /** Pages slide in and toasts fade: let both end before a screenshot. */
  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  it('an order that moves puts a badge on 我的; the message centre says so in Chinese, and reading clears it', async () => {
    const { page, t } = s;
    await page.goto('/');
    await visible('.service-tile--id-photo').waitFor();
    const token = await currentUserToken(page);
    // An ID-photo order the vendor (the simulator) takes through review to the finished receipt.
    fastVendor(t);
    const { orderId } = await placeOrder(t, token);
    await waitForOrder(t, token, orderId, 'completed', 20_000);
    const { unread } = (
      await t.http
        .get('/api/notices/unread')
        .set(...bearer(token))
        .expect(200)
    ).body as {
      unread: number;
    };
    expect(unread).toBeGreaterThan(0);

    // Back on a tab page, the 我的 tab carries the count, and so does 消息中心 on 我的.
    await page.goto('/#/pages/orders/index');
    await tabBadge()
      .filter({ hasText: String(unread) })
      .waitFor();
    await visible('.taro-tabbar__tabbar').getByText('我的').click();
    await visible('.me-unread-badge')
      .filter({ hasText: String(unread) })
      .waitFor();
    await shot('notify-01-me-badge');

    await visible('.me-link-messages').click();
    const newest = visible('.notice-item').first();
    await newest.waitFor();
    expect(await newest.innerText()).toContain('证件照回执已完成');
    await visible('.notices-page').getByText(`${unread} 条未读`).waitFor();
    await shot('notify-02-message-centre');

    // Opening it reads it and opens the ID-photo page of its order, where the receipt is.
    expect(unread).toBe(1);
    await newest.click();
    await page.waitForURL(new RegExp(`id-photo/pages/order/index\\?id=${orderId}$`));
    await visible('.id-photo-order').waitFor();
    await page.goBack();
    await visible('.notices-page').waitFor();
    await visible('.notices-page').getByText('全部已读').waitFor();
    expect(await visible('.notice-item--unread').count()).toBe(0);
    await shot('notify-03-message-centre-read');

    await page.goBack();
    await visible('.me-page').waitFor();
    await page.waitForFunction(() => !document.querySelector('.me-unread-badge'));
    expect(await tabBadge().count()).toBe(0);
  }, 120_000);

  it('binds the phone from 我的 through the phone-number button and shows it masked', async () => {
    const { page } = s;
    await page.goto('/#/pages/me/index');
    await visible('.me-page').getByText('手机号 未绑定').waitFor();
    await expect(visible('.phone-bind__button').innerText()).resolves.toBe('绑定手机号');
    await shot('notify-04-me-phone-unbound');

    // In the browser the sandbox plays WeChat's phone-number sheet (its account's phone is 13800138000).
    await visible('.phone-bind__button').click();
    await visible('.me-page').getByText('手机号 138****8000').waitFor();
    expect(await visible('.phone-bind__button').count()).toBe(0);
    await page.waitForTimeout(1600);
    await shot('notify-05-me-phone-bound');
  }, 60_000);
});
