import type { Page } from 'playwright-core';
import { renderBillImage, sampleBill, type YundouSimulator } from '@banshi/vendor-simulators/yundou';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { setPrice } from '../payments/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

const PRICE = 50;

/**
 * A priced 票据拍照识别 in the H5 app: the invoice screen says the price before a photo is chosen; the
 * photo waits 待支付 with a live countdown; 我的订单 → 待支付 lists it with 待支付 ¥0.50 and 去支付,
 * which opens its page; the sandbox cashier pays it and only then is the bill recognised. A second
 * photo left unpaid closes on screen when its countdown reaches 0.
 */
describeInBrowser('the H5 app: paying for an invoice photo recognition', () => {
  let s: BrowserSession;
  let taxiPhoto: Buffer;
  beforeAll(async () => {
    s = await startBrowserSession();
    s.t.sandbox.get<YundouSimulator>('yundou').recognitionDelayMs = 0;
    await setPrice(s.t, 'invoice_scan', PRICE);
    taxiPhoto = await renderBillImage(sampleBill('taxi'));
  }, 60_000);
  afterAll(() => s?.close());

  /** Taro's H5 router keeps earlier pages in the document, hidden: look at the page on screen. */
  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  it('price shown → photo 待支付 with countdown → 我的订单 待支付 → 去支付 → cashier → recognised', async () => {
    const { page, t } = s;
    try {
      await page.goto('/');
      await page.waitForFunction("Boolean(localStorage.getItem('banshi.token'))");
      await page.goto('/#/invoices/pages/index/index');
      await on(page, '.scan-price-note').getByText('拍照识别 ¥0.50/张', { exact: false }).waitFor();
      expect(await on(page, '.scan-action--camera .scan-action__hint').textContent()).toBe('¥0.50/张');
      await shot('invoice-pay-01-price-before-photo');

      const chooser = page.waitForEvent('filechooser');
      await on(page, '.scan-action--camera').click();
      await (await chooser).setFiles({ name: 'bill.jpg', mimeType: 'image/jpeg', buffer: taxiPhoto });
      const panel = on(page, '.payment-panel');
      await panel.getByText('¥0.50').waitFor({ timeout: 20_000 });
      await on(page, '.scan-state--unpaid').waitFor();
      const countdown = on(page, '.payment-panel__countdown');
      expect(await countdown.textContent()).toMatch(/^剩余 (30:00|29:5\d)$/);
      await shot('invoice-pay-02-due-countdown');

      // 我的订单 → 待支付: the card says what is due and leads to its page.
      await page.goto('/#/pages/orders/index');
      await on(page, '.order-tabs').getByText('待支付', { exact: true }).click();
      const card = on(page, '.order-row').first();
      await card.locator('.order-payable__due').getByText('待支付 ¥0.50').waitFor();
      expect(await on(page, '.order-row').count()).toBe(1);
      await shot('invoice-pay-03-orders-awaiting-tab');
      await card.locator('.order-payable__pay').click();
      await page.waitForURL(/invoices\/pages\/detail/);
      const before = await countdown.textContent();
      await page.waitForTimeout(2100);
      const after = await countdown.textContent();
      expect(after).toMatch(/^剩余 \d\d:\d\d$/);
      expect(after).not.toBe(before);

      await panel.locator('.payment-panel__pay').click();
      await page.waitForURL(/\/sandbox\/cashier/);
      await page.getByText('¥0.50').waitFor();
      await s.shot('invoice-pay-04-cashier');
      await page.getByText('确认支付').click();
      await page.waitForURL(/wechatpay_result=ok/);
      await on(page, '.payment-panel').getByText('已支付').waitFor({ timeout: 20_000 });
      await on(page, '.bill-summary').waitFor({ timeout: 20_000 });
      expect(await on(page, '.payment-panel__countdown').count()).toBe(0);
      await shot('invoice-pay-05-paid-recognised');

      // Another photo left unpaid: at 0 the page asks the server and shows the order closed.
      const token = await currentUserToken(page);
      const unpaid = await t.http
        .post('/api/invoices/photos')
        .set({ Authorization: `Bearer ${token}` })
        .field('amountFen', String(PRICE))
        .attach('file', taxiPhoto, 'bill.jpg')
        .expect(201);
      await t.dataSource
        .getRepository(Payment)
        .update({ outTradeNo: unpaid.body.orderNo }, { expiresAt: new Date(Date.now() + 4000) });
      await page.goto(`/#/invoices/pages/detail/index?id=${unpaid.body.id}`);
      await on(page, '.payment-panel__countdown')
        .getByText(/^剩余 00:0\d$/)
        .waitFor();
      await on(page, '.scan-state--closed').waitFor({ timeout: 15_000 });
      await on(page, '.payment-panel').getByText('已关闭').waitFor();
      await shot('invoice-pay-06-closed-at-zero');
    } catch (error) {
      await s.shot('invoice-pay-99-failure').catch(() => undefined);
      throw error;
    }
  }, 150_000);
});
