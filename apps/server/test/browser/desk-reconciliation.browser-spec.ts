import { docloud } from '../inspection/support.js';
import { atWechatPay, backToNow, ghostRefund, payElsewhere } from '../payments/reconciliation-support.js';
import { INSPECTION_PRICE, paidOrder, setInspectionPrice, settle } from '../payments/support.js';
import { ReconciliationService } from '../../src/payments/reconciliation/reconciliation.service.js';
import { describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';
import { consoleLogin } from './support/console.js';
import { RAW_WORDS } from './support/raw-words.js';

/**
 * 资金 → 对账 at 1440×900: the runs of each day, the differences of the day picked with what to
 * do about each, an owner's 重新对账, and the same differences under 待处理 → 对账差异.
 */
describeInBrowser('the desk console: 对账 (reconciliation with WeChat Pay)', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession('sqlite', {}, { width: 1440, height: 900 });
    const { t } = s;
    docloud(t);
    await setInspectionPrice(t, INSPECTION_PRICE);
    atWechatPay(t, '2026-11-04T12:00');
    await paidOrder(t, 'desk-recon-a');
    atWechatPay(t, '2026-11-05T12:00');
    await payElsewhere(t, 'ELSEWHERE20261105', 990);
    const ghost = await paidOrder(t, 'desk-recon-b');
    await settle(t);
    await ghostRefund(t, ghost.orderId, 1_000, '2026-11-05T15:00');
    atWechatPay(t, '2026-11-06T11:00');
    const reconciliation = t.app.get(ReconciliationService);
    await reconciliation.reconcile('2026-11-04');
    await reconciliation.reconcile('2026-11-05');
    await t.createMerchant('boss', 'boss-password-1');
  }, 120_000);
  afterAll(async () => {
    if (s) backToNow(s.t);
    await s?.close();
  });

  it('the owner reads the runs and the differences of a day, and reconciles it again (1440×900)', async () => {
    const { page } = s;
    await consoleLogin(page, 'boss', 'boss-password-1');
    await page.locator('.console-menu').getByText('对账', { exact: true }).click();
    const rows = page.locator('.run-table tbody tr.ant-table-row');
    await rows.nth(1).waitFor();
    await expect(rows.nth(0).innerText()).resolves.toMatch(/2026-11-05[\s\S]*有差异/);
    await expect(rows.nth(1).innerText()).resolves.toMatch(/2026-11-04[\s\S]*已平/);
    const mismatches = page.locator('.mismatch-table tbody tr.ant-table-row');
    await mismatches.nth(1).waitFor();
    const text = await page.locator('.mismatch-table').innerText();
    for (const words of ['微信已收款，本系统无此订单', '本系统已退款，微信账单中没有', '原路退款', '¥9.90', '¥10.00']) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(RAW_WORDS);
    await expect(page.locator('.console-breadcrumb').innerText()).resolves.toMatch(/资金\s*\/\s*对账/);
    await s.shot('desk-reconciliation-01-runs');

    await rows.nth(0).locator('.rerun-button').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText('2026-11-05 对账完成：有差异，2 处差异').waitFor();

    await page.locator('.console-menu').getByText('待处理', { exact: true }).click();
    await page.locator('.attention-tab--reconciliation').click();
    await page.locator('.mismatch-table tbody tr.ant-table-row').nth(1).waitFor();
    await expect(page.locator('.mismatch-table').innerText()).resolves.toContain('2026-11-05');
    await page.waitForTimeout(400); // the tab's fade-in
    await s.shot('desk-reconciliation-02-attention');
  });
});
