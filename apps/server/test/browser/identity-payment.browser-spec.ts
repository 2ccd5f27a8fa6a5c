import type { Page } from 'playwright-core';
import { makeFacePhoto, ZHANG_SAN } from '../identity/support.js';
import { IDENTITY_PRICE } from '../payments/identity-support.js';
import { setPrice } from '../payments/support.js';
import { describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

/**
 * A priced 实名认证 in the H5 app: the form shows the price before 提交; the attempt opens 待支付;
 * 去支付 goes through the sandbox cashier; back on the attempt (confirmed with WeChat Pay) the user
 * takes the face photo, and only then is Zhima asked.
 */
describeInBrowser('the H5 app: paying for an identity attempt through the sandbox cashier', () => {
  let s: BrowserSession;
  let face: Buffer;
  beforeAll(async () => {
    s = await startBrowserSession();
    face = await makeFacePhoto();
    await setPrice(s.t, 'identity', IDENTITY_PRICE);
  }, 60_000);
  afterAll(() => s?.close());

  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });
  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  it('price on the form → 待支付 → cashier → 已支付，待拍照认证 → photo → 认证通过', async () => {
    const { page } = s;
    try {
      await page.goto('/');
      await page.waitForFunction(() =>
        Boolean((globalThis as unknown as { localStorage: Storage }).localStorage.getItem('banshi.token')),
      );
      await on(page, '.service-tile--identity').click();
      await on(page, '.identity-start').click();
      await on(page, '.consent-checkbox').click();
      await on(page, '.consent-agree').click();
      await on(page, '.identity-name-input input').fill(ZHANG_SAN.name);
      await on(page, '.identity-id-input input').fill(ZHANG_SAN.idNumber);
      await on(page, '.identity-price').getByText('¥3.00').waitFor();
      await shot('identity-pay-01-price-on-form');

      await on(page, '.identity-next').getByText('提交并支付 ¥3.00').waitFor();
      await on(page, '.identity-next').click();
      await page.waitForURL(/identity\/pages\/attempt/);
      const panel = on(page, '.payment-panel');
      await panel.getByText('待支付').waitFor();
      await panel.getByText('¥3.00').waitFor();
      expect(await on(page, '.face-take').count()).toBe(0); // no photo before paying
      await shot('identity-pay-02-due');

      // Coming back to 实名认证 leads to the unfinished attempt, not to a second one.
      await page.goto('/#/identity/pages/verify/index');
      await on(page, '.identity-open-attempt').getByText('您有一次实名认证尚未完成').waitFor();
      await shot('identity-pay-02b-open-attempt');
      await on(page, '.identity-open-attempt .empty-state__action').click();
      await page.waitForURL(/identity\/pages\/attempt/);
      await panel.getByText('待支付').waitFor();
      // From 我的订单 the unpaid attempt opens on its own page (it has no verdict to show yet).
      await page.goto('/#/pages/orders/index');
      await on(page, '.order-row').first().click();
      await page.waitForURL(/identity\/pages\/attempt/);
      await panel.getByText('待支付').waitFor();

      // The page opened from 我的订单 is the newest in the stack; the one it covers can still be shown while it slides in.
      await panel.locator('.payment-panel__pay').last().click();
      await page.waitForURL(/\/sandbox\/cashier/);
      await page.getByText('¥3.00').waitFor();
      await s.shot('identity-pay-03-cashier');
      await page.getByText('确认支付').click();

      await page.waitForURL(/wechatpay_result=ok/);
      await on(page, '.identity-attempt-label').getByText('已支付，待拍照认证').waitFor({ timeout: 20_000 });
      await on(page, '.face-take').waitFor();
      await shot('identity-pay-04-paid-photo-step');

      const chooser = page.waitForEvent('filechooser');
      await on(page, '.face-take').click();
      const sheet = page.getByText('拍摄', { exact: true });
      const fileChooser = await Promise.race([
        chooser,
        sheet.waitFor({ timeout: 5000 }).then(async () => {
          await sheet.click();
          return chooser;
        }),
      ]);
      await fileChooser.setFiles({ name: 'face.jpg', mimeType: 'image/jpeg', buffer: face });
      await on(page, '.face-photo-preview').waitFor();
      await on(page, '.face-submit').click();
      await on(page, '.certification-result.is-passed').waitFor({ timeout: 20_000 });
      await shot('identity-pay-05-passed');
      await on(page, '.result-done').click();
      await on(page, '.identity-attempt-label').getByText('认证通过').waitFor();
      await on(page, '.payment-panel').getByText('已支付').waitFor();
      await shot('identity-pay-06-done');
    } catch (error) {
      await s.shot('identity-pay-99-failure').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
