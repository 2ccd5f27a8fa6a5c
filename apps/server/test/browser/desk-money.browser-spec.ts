import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { Refund } from '../../src/payments/entities/refund.entity.js';
import { ServicePrice } from '../../src/payments/entities/service-price.entity.js';
import { docloud, rawRows } from '../inspection/support.js';
import { INSPECTION_PRICE, paidOrder, setInspectionPrice, settle } from '../payments/support.js';
import { describeInBrowser, SCREENSHOTS, startBrowserSession, type BrowserSession } from './support/browser.js';
import { consoleLogin, consoleToken, pick } from './support/console.js';
import { RAW_WORDS } from './support/raw-words.js';

const REASON = '材料寄送延误，退部分服务费';

async function openMenu(page: Page, label: string) {
  await page.locator('.console-menu').getByText(label, { exact: true }).click();
}

/**
 * 资金 in the desk console at 1440×900: the owner sets a price, finds a paid order among the
 * payments, refunds part of it from the order drawer and sees the refund there and in the list;
 * a staff account reads the same pages without a 退款 button or an editable price.
 */
describeInBrowser('the desk console: 资金 (payments, refunds, prices)', () => {
  let s: BrowserSession;
  let paid: { orderId: number; orderNo: string };

  beforeAll(async () => {
    s = await startBrowserSession('sqlite', {}, { width: 1440, height: 900 });
    docloud(s.t);
    await setInspectionPrice(s.t, INSPECTION_PRICE);
    paid = await paidOrder(s.t, 'desk-money-user');
    await s.t.createMerchant('boss', 'boss-password-1');
    await s.t.createMerchant('clerk', 'clerk-password-1', 'staff');
  }, 120_000);
  afterAll(() => s?.close());

  it('the owner changes a price, refunds part of a paid order and sees the refund (1440×900)', async () => {
    const { page, t } = s;
    try {
      await consoleLogin(page, 'boss', 'boss-password-1');

      // 价格设置: in yuan, checked before it is sent; saved and audited by the server.
      await openMenu(page, '价格设置');
      const input = page.locator('.price-input--inspection input');
      await input.waitFor();
      await expect(input.inputValue()).resolves.toBe('148.00');
      await input.fill('12.345');
      await page.locator('.prices-save').click();
      await page.getByText('请输入正确的金额（元），最多两位小数').waitFor();
      await input.fill('128.50');
      await page.locator('.prices-save').click();
      await page.getByText('价格已保存').waitFor();
      await expect(page.locator('.console-breadcrumb').innerText()).resolves.toMatch(/资金\s*\/\s*价格设置/);
      await s.shot('desk-money-01-prices-owner');
      expect(await t.dataSource.getRepository(ServicePrice).findOneByOrFail({ service: 'inspection' })).toMatchObject({
        amountFen: 12_850,
      });
      const audits = (await rawRows(t, 'merchant_audit_log')).filter((row) => row.action === 'prices_update');
      expect(audits).toHaveLength(2); // the test set-up's, then the owner's in the browser

      // 支付与退款: the paid order, filters above the table, in the URL.
      await openMenu(page, '支付与退款');
      const row = page.locator('.payment-table tbody tr.ant-table-row', { hasText: paid.orderNo });
      await row.waitFor();
      await expect(row.locator('.payment-status').innerText()).resolves.toBe('已支付');
      await pick(page, '.pay-filter-status', '已支付');
      await page.waitForURL(/status=paid/);
      await page.locator('.payment-total', { hasText: '共 1 笔' }).waitFor();
      const filterBox = await page.locator('.pay-filter-max').boundingBox();
      expect(filterBox && filterBox.y + filterBox.height).toBeLessThanOrEqual(900);
      await s.shot('desk-money-02-payments');

      // The order drawer: a 支付 section in words; 退款 for the owner.
      await row.locator('.payment-order-no').click();
      const drawer = page.locator('.order-drawer');
      await drawer.locator('.view-section--payment').waitFor();
      await page.waitForTimeout(400);
      await expect(drawer.locator('.view-section--payment').innerText()).resolves.toContain('¥148.00');
      await drawer.locator('.refund-button').click();
      const modal = page.locator('.refund-modal');
      await expect(modal.locator('.refund-amount input').inputValue()).resolves.toBe('148.00');
      await modal.locator('.refund-amount input').fill('200');
      await modal.locator('.refund-confirm').click();
      await modal.getByText('退款金额不能超过可退金额 ¥148.00').waitFor();
      await modal.getByText('请填写退款原因').waitFor();
      await s.shot('desk-money-03-refund-invalid');
      await modal.locator('.refund-amount input').fill('48');
      await modal.locator('.refund-reason textarea').fill(REASON);
      await s.shot('desk-money-04-refund-modal');
      await modal.locator('.refund-confirm').click();
      await page.getByText('已提交退款 ¥48.00').waitFor();
      await drawer.locator('.view-section--payment-refund-1').waitFor();
      const refundText = await drawer.locator('.view-section--payment-refund-1').innerText();
      expect(refundText).toContain('¥48.00');
      expect(refundText).toContain(REASON);
      expect(refundText).toContain('商家退款');
      expect(await drawer.locator('.ant-drawer-body').innerText()).not.toMatch(RAW_WORDS);
      await s.shot('desk-money-05-drawer-refunded');

      // WeChat Pay confirms; the list shows 部分退款 and the refund under the row.
      await settle(t);
      expect(await t.dataSource.getRepository(Refund).findOneByOrFail({ orderId: paid.orderId })).toMatchObject({
        amountFen: 4_800,
        status: 'success',
      });
      await page.keyboard.press('Escape');
      await page.goto('/console/money/payments');
      const refundedRow = page.locator('.payment-table tbody tr.ant-table-row', { hasText: paid.orderNo });
      await expect(refundedRow.locator('.payment-status').innerText()).resolves.toBe('部分退款');
      await refundedRow.locator('.ant-table-row-expand-icon').click();
      const refunds = page.locator('.refund-table');
      await refunds.waitFor();
      const refundsText = await refunds.innerText();
      for (const words of ['¥48.00', '已退款', '商家退款', REASON]) expect(refundsText).toContain(words);
      await s.shot('desk-money-06-payments-refund-expanded');
      expect(await t.dataSource.getRepository(Payment).findOneByOrFail({ orderId: paid.orderId })).toMatchObject({
        status: 'partially_refunded',
        refundedFen: 4_800,
      });

      // Both money actions are in the audit log, in words.
      await openMenu(page, '操作日志');
      await page.getByText('订单退款').first().waitFor();
      await expect(page.locator('.audit-page').innerText()).resolves.toContain('金额：¥48.00');
      await expect(page.locator('.audit-page').innerText()).resolves.toContain('年检代办 ¥148.00 → ¥128.50');
      await s.shot('desk-money-07-audit');
    } catch (error) {
      await s.shot('desk-money-99-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  it('staff read prices and payments, with no 退款 button and no price to edit; the API refuses both', async () => {
    const context = await s.browser.newContext({
      baseURL: s.t.baseUrl,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
    try {
      await consoleLogin(page, 'clerk', 'clerk-password-1');
      await openMenu(page, '价格设置');
      await page.locator('.prices-readonly-note').waitFor();
      await expect(page.locator('.price-value--inspection').innerText()).resolves.toBe('¥128.50');
      expect(await page.locator('.price-input').count()).toBe(0);
      expect(await page.locator('.prices-save').count()).toBe(0);
      await shot('desk-money-11-prices-staff');

      await openMenu(page, '支付与退款');
      await page.locator('.payment-order-no', { hasText: paid.orderNo }).click();
      await page.locator('.order-drawer .view-section--payment').waitFor();
      expect(await page.locator('.order-drawer .refund-button').count()).toBe(0);
      await page.waitForTimeout(400); // the drawer's slide-in
      await shot('desk-money-12-drawer-staff');

      const token = await consoleToken(page);
      const call = (path: string, method: string, body: unknown) =>
        fetch(`${s.t.baseUrl}${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const refund = await call(`/api/merchant/orders/${paid.orderId}/refunds`, 'POST', {
        amountFen: 100,
        reason: '员工试图退款',
        requestId: 'staffattempt1',
      });
      expect(refund.status).toBe(403);
      const price = await call('/api/merchant/prices', 'PUT', { items: [{ service: 'inspection', amountFen: 1 }] });
      expect(price.status).toBe(403);
    } catch (error) {
      await shot('desk-money-19-failure').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});
