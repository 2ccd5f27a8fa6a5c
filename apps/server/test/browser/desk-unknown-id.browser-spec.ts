import { Order } from '../../src/orders/order.entity.js';
import { docloud, placeOrder, rawRows } from '../inspection/support.js';
import { CREATE_PATH, quotedCar } from '../payments/support.js';
import { describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

/** The owner settles a 待核实 inspection order from the console's drawer (1440×900). */
describeInBrowser('the desk console: a 待核实 inspection order', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession('sqlite', {}, { width: 1440, height: 900 });
    await s.t.createMerchant('boss', 'boss-password-1');
  }, 120_000);
  afterAll(() => s?.close());

  it('enters the vendor order id: a wrong one is refused with what to do, the right one moves the order on', async () => {
    const { page, t } = s;
    const { token, carId } = await quotedCar(t, 'desk-unknown-id');
    docloud(t).faults.loseNextAnswer(1, 'fail', CREATE_PATH);
    await placeOrder(t, token, carId, 11800).expect(503);
    const { body } = await placeOrder(t, token, carId, 11800).expect(201);
    const order = await t.dataSource.getRepository(Order).findOneByOrFail({ id: body.id });
    const detail = (await rawRows(t, 'inspection_orders')).find((row) => Number(row.order_id) === order.id);
    const [vendorOrderId] = docloud(t).inspectionOrdersByCar().get(Number(detail?.vendor_car_id)) ?? [];

    await page.goto('/console/orders');
    await page.locator('.login-username').fill('boss');
    await page.locator('.login-password input').fill('boss-password-1');
    await page.locator('.login-submit').click();
    await page.locator('.order-no', { hasText: order.orderNo }).click();
    const drawer = page.locator('.order-drawer');
    await drawer.locator('.adopt-vendor-order').waitFor();
    await drawer.locator('.close-unknown-order').waitFor();
    await page.waitForTimeout(400); // the drawer's slide-in
    await s.shot('desk-unknown-id-01-drawer');

    await page.locator('.close-unknown-order').click();
    await page.locator('.ant-modal', { hasText: '关闭原因' }).waitFor();
    await s.shot('desk-unknown-id-02-close-modal');
    await page.locator('.ant-modal:visible .ant-modal-close').click();

    await page.locator('.adopt-vendor-order').click();
    const modal = page.locator('.ant-modal', { hasText: '核对并关联' });
    await modal.locator('input').fill('12AB');
    await modal.locator('button[type=submit]').click();
    await modal.getByText('供应商单号应为数字（最多 32 位），请核对').waitFor();
    await modal.locator('input').fill('987654321');
    await modal.locator('button[type=submit]').click();
    await page.locator('.ant-message', { hasText: '请核对供应商单号' }).waitFor();
    await s.shot('desk-unknown-id-03-refused');

    await modal.locator('input').fill(String(vendorOrderId));
    await modal.locator('button[type=submit]').click();
    await page.locator('.ant-message', { hasText: '已关联供应商单号，订单继续办理' }).waitFor();
    await drawer.locator('.adopt-vendor-order').waitFor({ state: 'detached' });
    await s.shot('desk-unknown-id-04-adopted');
    const after = await t.dataSource.getRepository(Order).findOneByOrFail({ id: order.id });
    expect(after.vendorRef).toBe(String(vendorOrderId));
    expect(after.vendorStatus).not.toBe('待核实');
  }, 90_000);
});
