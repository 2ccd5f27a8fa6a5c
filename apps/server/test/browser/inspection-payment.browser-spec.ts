import { docloud, placeOrder } from '../inspection/support.js';
import { INSPECTION_PRICE, quotedCarOf, setInspectionPrice } from '../payments/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

/**
 * A priced 年检代办 order in the H5 app: the order page shows 待支付 with the amount; 去支付 opens the
 * sandbox cashier (WeChat Pay's stand-in for requestPayment); 确认支付 brings the browser back to the
 * order, which the server confirms with WeChat Pay and then places with the vendor.
 */
describeInBrowser('the H5 app: paying for an inspection order through the sandbox cashier', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession();
    docloud(s.t);
    await setInspectionPrice(s.t, INSPECTION_PRICE);
  }, 60_000);
  afterAll(() => s?.close());

  it('待支付 → cashier → 已支付 → 待取件', async () => {
    const { page, t } = s;
    try {
      await page.goto('/');
      await page.waitForFunction(() =>
        Boolean((globalThis as unknown as { localStorage: Storage }).localStorage.getItem('banshi.token')),
      );
      const { token, carId } = await quotedCarOf(t, await currentUserToken(page));
      const created = await placeOrder(t, token, carId, 11800, { amountFen: INSPECTION_PRICE }).expect(201);

      await page.goto(`/#/inspection/pages/order/index?id=${created.body.id}`);
      const panel = page.locator('.payment-panel').filter({ visible: true });
      await panel.getByText('待支付').waitFor();
      await panel.getByText('¥148.00').waitFor();
      await s.userShot('inspection-pay-01-due');

      await panel.locator('.payment-panel__pay').click();
      await page.waitForURL(/\/sandbox\/cashier/);
      await page.getByText('¥148.00').waitFor();
      await s.shot('inspection-pay-02-cashier');
      await page.getByText('确认支付').click();

      await page.waitForURL(/wechatpay_result=ok/);
      await page.locator('.payment-panel').filter({ visible: true }).getByText('已支付').waitFor();
      await page.locator('.inspection-order__label').filter({ visible: true }).getByText('待取件').waitFor({
        timeout: 20_000,
      });
      await s.userShot('inspection-pay-03-paid');
    } catch (error) {
      await s.shot('inspection-pay-99-failure').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
