import { sampleBill } from '@banshi/vendor-simulators/yundou';
import type { Page } from 'playwright-core';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { STATUS_JOB } from '../../src/inspection/inspection-status.service.js';
import { fastVendor, placeOrder as placeIdPhotoOrder, waitForOrder } from '../id-photo/support.js';
import { certify, makeFacePhoto, WANG_WU } from '../identity/support.js';
import { addGarageCar, docloud, placeOrder as placeInspectionOrder, saveCar } from '../inspection/support.js';
import { scanBill } from '../invoices/support.js';
import { violationPayKit } from '../payments/violation-support.js';
import { resolve } from 'node:path';
import { describeInBrowser, SCREENSHOTS, startBrowserSession, type BrowserSession } from './support/browser.js';
import { RAW_WORDS } from './support/raw-words.js';

/**
 * The mini-program's merchant detail of a real order of every kind, each made through its service's
 * own API against the simulators: the server's labelled sections, timeline and vendor events, with no
 * raw key, English code or personal value in clear, at the phone widths users have (360 and 414 px).
 */
describeInBrowser("the mini-program's merchant detail of every kind of order", () => {
  let s: BrowserSession;
  const orders: Array<{ kind: string; id: number; secret?: string }> = [];
  const violations = violationPayKit(() => s.t);

  beforeAll(async () => {
    s = await startBrowserSession();
    const { t } = s;
    fastVendor(t);
    const photoToken = await t.loginUser('details-id-photo');
    const photo = await placeIdPhotoOrder(t, photoToken);
    await waitForOrder(t, photoToken, photo.orderId, 'completed');
    orders.push({ kind: 'id_photo', id: photo.orderId });

    const scan = await scanBill(t, await t.loginUser('details-invoice'), sampleBill('taxi'));
    orders.push({ kind: 'invoice_scan', id: scan.orderId as number });

    const attempt = await certify(t, await t.loginUser('details-identity'), WANG_WU, await makeFacePhoto());
    orders.push({ kind: 'identity', id: attempt.body.orderId as number, secret: WANG_WU.idNumber });

    // Credit mode pays first: paid, then placed at Docloud (its events are on the detail).
    const payment = await violations.unpaidOrder(2);
    await violations.pay(payment.user, payment.orderNo);
    orders.push({ kind: 'violation_payment', id: payment.orderId });

    const inspectionToken = await t.loginUser('details-inspection');
    const carId = await addGarageCar(t, inspectionToken, '浙B3V9K2');
    await saveCar(t, inspectionToken, carId).expect(200);
    const inspection = await placeInspectionOrder(t, inspectionToken, carId, 11800).expect(201);
    const [row] = await t.dataSource.query(
      `SELECT vendor_order_id FROM inspection_orders WHERE order_id = ${Number(inspection.body.id)}`,
    );
    docloud(t).advanceInspectionOrder(String((row as { vendor_order_id: string }).vendor_order_id));
    await t.app.get(JobScheduler).runNow(STATUS_JOB);
    orders.push({ kind: 'inspection', id: inspection.body.id as number });

    await t.createMerchant('details-boss', 'details-password-1');
    const { page } = s;
    await page.goto('/#/merchant/pages/login/index');
    await page.locator('.merchant-login-username input').fill('details-boss');
    await page.locator('.merchant-login-password input').fill('details-password-1');
    await page.locator('.merchant-login-submit').click();
    await page.locator('.merchant-order-list .order-row').first().waitFor();
  }, 180_000);
  afterAll(() => s?.close());

  async function openDetail(page: Page, id: number): Promise<string> {
    await page.goto(`/#/merchant/pages/order-detail/index?id=${id}`);
    await page.reload();
    const detail = page.locator('.merchant-order-detail-page >> visible=true');
    await detail.locator('.view-section').first().waitFor();
    await detail.locator('.merchant-vendor-events').waitFor();
    await page.waitForTimeout(500); // the page's slide-in ends before the screenshots
    return detail.innerText();
  }

  it('shows each kind in labelled Chinese, at 360 and 414 px, with no raw key and nothing personal in clear', async () => {
    const { page } = s;
    const seen: string[] = [];
    for (const order of orders) {
      for (const width of [360, 414]) {
        await page.setViewportSize({ width, height: 800 });
        const text = await openDetail(page, order.id);
        expect({ kind: order.kind, raw: text.match(RAW_WORDS)?.[0] ?? null }).toEqual({ kind: order.kind, raw: null });
        if (order.secret) expect(text).not.toContain(order.secret);
        expect(text).toContain('订单信息');
        expect(text).toMatch(/服务商事件（[1-9]\d*）/);
        await page.screenshot({ path: resolve(SCREENSHOTS, `merchant-detail-${order.kind}@${width}.png`) });
      }
      seen.push(order.kind);
    }
    console.warn(`merchant details in the mini-program: ${seen.join(', ')} at 360 and 414 px, no raw key`);
    expect(seen).toEqual(['id_photo', 'invoice_scan', 'identity', 'violation_payment', 'inspection']);
  }, 180_000);
});
