import type { Page } from 'playwright-core';
import { setPrices } from '../payments/support.js';
import { FEE_PER_VIOLATION } from '../payments/violation-support.js';
import { addCar, auth, docloud, findPlate, nextPhone, payable } from '../vehicles/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

/**
 * 违章代缴 in credit mode, paid by the user first: the confirm page breaks the amount down (罚款,
 * 服务商手续费, 违章代缴服务费 ×2) with no 挂账 wording; the order waits 待支付; 去支付 opens the sandbox
 * cashier; back on the order, the payment is confirmed, only then is Docloud asked, and the violation
 * it could not pay is refunded on the timeline (退款中, then 已退款).
 */
describeInBrowser('the H5 app: paying violations through the sandbox cashier', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession();
    await setPrices(s.t, { violation_service: FEE_PER_VIOLATION });
  }, 60_000);
  afterAll(() => s?.close());

  /** Taro's H5 router keeps earlier pages in the document, hidden: look at the page on screen. */
  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  /** A car of the signed-in user with two violations it can pay, queried. */
  async function carWithTwo(page: Page) {
    const { t } = s;
    const user = { token: await currentUserToken(page), phone: nextPhone() };
    const car = await addCar(
      t,
      user,
      findPlate(docloud(t), (list) => payable(list).length >= 2),
    );
    const list = await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token)).expect(200);
    const codes = (list.body.items as { code: string; canSelect: boolean }[]).filter((v) => v.canSelect).slice(0, 2);
    return { carId: car.id, codes: codes.map((v) => v.code) };
  }

  it('confirm with the breakdown → 待支付 → cashier → 已支付 → done, the undelivered violation refunded', async () => {
    const { page, t } = s;
    try {
      await page.goto('/');
      await page.waitForFunction(() =>
        Boolean((globalThis as unknown as { localStorage: Storage }).localStorage.getItem('banshi.token')),
      );
      const { carId, codes } = await carWithTwo(page);
      const sim = docloud(t);
      sim.timings.orderProcessMs = 1500;
      sim.setNextOrderOutcome({ kind: 'partial-refund', refundCount: 1 });

      await page.goto(`/#/vehicles/pages/confirm/index?carId=${carId}&codes=${encodeURIComponent(codes.join(','))}`);
      await on(page, '.pay-breakdown').getByText('违章代缴服务费 ×2').waitFor();
      const confirm = await on(page, '.confirm-page').innerText();
      expect(confirm).toContain('¥10.00');
      expect(confirm).toContain('微信支付');
      expect(confirm).not.toContain('挂账');
      expect(confirm).not.toContain('无需另行支付');
      await s.userShot('violation-pay-01-confirm');
      const due = (await on(page, '.pay-breakdown .fee-total').innerText()).trim();
      const submit = on(page, '.vehicles-bottom-bar__action');
      expect(await submit.innerText()).toContain('提交订单');
      await submit.click();

      await on(page, '.vorder-head__status').getByText('待支付').waitFor();
      const panel = on(page, '.payment-panel');
      await panel.getByText(due).waitFor();
      expect(await on(page, '.vorder-page').innerText()).not.toContain('已支付');
      await s.userShot('violation-pay-02-due');

      await panel.locator('.payment-panel__pay').click();
      await page.waitForURL(/\/sandbox\/cashier/);
      await page.getByText(due).waitFor();
      await s.shot('violation-pay-03-cashier');
      await page.getByText('确认支付').click();

      await page.waitForURL(/wechatpay_result=ok/);
      await on(page, '.payment-panel').getByText('已支付').waitFor({ timeout: 15_000 });
      await s.userShot('violation-pay-04-paid');
      await on(page, '.vorder-head--completed').waitFor({ timeout: 30_000 });
      await on(page, '.order-timeline')
        .getByText(/款项已原路退回/)
        .waitFor({ timeout: 30_000 });
      const timeline = await on(page, '.order-timeline').innerText();
      expect(timeline).toContain('退款中');
      expect(timeline).toContain('部分违章未能办理');
      await on(page, '.payment-panel')
        .getByText(/已退款 ¥/)
        .waitFor({ timeout: 15_000 });
      await s.userShot('violation-pay-05-done-refunded');
    } catch (error) {
      await s.shot('violation-pay-99-failure').catch(() => undefined);
      throw error;
    }
  }, 150_000);
});
