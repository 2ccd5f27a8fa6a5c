import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import type { Page } from 'playwright-core';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

/** The page's window, typed without the DOM library (the callbacks below run in the browser). */
interface BrowserWindow {
  localStorage: { getItem(key: string): string | null };
}

/**
 * 违章查缴 in the H5 build, as a person goes through it: home tile → empty garage → add 浙A66688 with
 * the plate keyboard (the city's VIN / engine-number parts shown as soon as the region is typed) →
 * violations with fees → choose two → confirm the breakdown → the order finishing on its timeline →
 * the car card with counts and monitoring → a new violation arriving as a notice.
 */
describeInBrowser('the H5 app: vehicles', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    // The direct credit path; paying first through WeChat Pay: violation-payment.browser-spec.ts.
    s = await startBrowserSession('sqlite', { VIOLATION_PREPAY: 'off' });
  }, 60_000);
  afterAll(() => s?.close());

  const JOURNEY_MS = 150_000;

  /** Taro's H5 router keeps earlier pages in the document, hidden: look at the page on screen. */
  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  async function typePlate(page: Page, plate: string) {
    for (const char of plate)
      await on(page, '.plate-key')
        .filter({ hasText: new RegExp(`^${char}$`) })
        .first()
        .click();
  }

  async function typeInto(page: Page, selector: string, value: string) {
    const input = on(page, `${selector} input`);
    await input.fill('');
    await input.pressSequentially(value, { delay: 10 });
  }

  it(
    'adds 浙A66688, sees its violations, pays two of them and watches the order finish',
    async () => {
      const { page, t } = s;
      await page.goto('/');
      await page.waitForFunction(() =>
        Boolean((globalThis as unknown as BrowserWindow).localStorage.getItem('banshi.token')),
      );
      const tile = on(page, '.service-tile--vehicles');
      await tile.waitFor();
      await shot('vehicles-01-home-tile');
      await tile.click();

      await on(page, '.garage-empty').getByText('还没有添加车辆').waitFor();
      await shot('vehicles-02-empty-garage');
      await on(page, '.garage-empty .empty-state__action').click();

      // The plate keyboard: provinces first. Beijing asks for the whole engine number and no VIN.
      await on(page, '.plate-keyboard').getByText('选择省份简称').waitFor();
      await shot('vehicles-03-plate-keyboard-provinces');
      await typePlate(page, '京A');
      await on(page, '.car-city-hint').getByText('北京市').waitFor();
      expect(await on(page, '.car-city-hint').innerText()).toContain('完整发动机号');
      await shot('vehicles-04-beijing-needs-engine-number');
      await on(page, '.plate-key--delete').click();
      await on(page, '.plate-key--delete').click();

      // 浙A (杭州): the last six of both, and the owner's phone.
      await typePlate(page, '浙A66688');
      await on(page, '.car-city-hint').getByText('杭州市').waitFor();
      expect(await on(page, '.car-city-hint').innerText()).toContain('车架号后6位、发动机号后6位');
      await on(page, '.car-vin-field').waitFor();
      expect(await on(page, '.car-vin-input input').getAttribute('placeholder')).toContain('车架号后6位');
      await typeInto(page, '.car-vin-input', '184847');
      await typeInto(page, '.car-engine-input', '5448DT');
      await typeInto(page, '.car-phone-input', '13912345678');
      await shot('vehicles-05-add-car-hangzhou');
      await on(page, '.car-form-submit').click();
      await on(page, '.car-form-error').getByText('请先阅读并同意《车辆信息使用说明》').waitFor();
      await on(page, '.car-consent-checkbox').click();
      await on(page, '.car-form-submit').click();

      // Violations, with the agency fee beside each fine.
      await on(page, '.violation-item').first().waitFor({ timeout: 20_000 });
      await on(page, '.violations-summary').getByText('浙A**688').waitFor();
      expect(await on(page, '.violation-item').count()).toBe(3);
      expect(await on(page, '.violation-item--locked').count()).toBe(1);
      expect(await on(page, '.violation-item--locked').innerText()).toContain('扣分违章需驾驶证本人办理');
      await shot('vehicles-06-violations');

      const payable = on(page, '.violation-item:not(.violation-item--locked)');
      expect(await payable.count()).toBe(2);
      await payable.nth(0).click();
      await payable.nth(1).click();
      await on(page, '.vehicles-bottom-bar').getByText('已选 2 条，合计').waitFor();
      await shot('vehicles-07-two-selected');
      await on(page, '.vehicles-bottom-bar__action').click();

      // The breakdown: fines, service fees, no point fee, the total.
      await on(page, '.fee-row--total').waitFor();
      expect(await on(page, '.fee-row--fine').innerText()).toContain('¥100.00');
      expect(await on(page, '.fee-row--mark').innerText()).toContain('¥0.00');
      await on(page, '.confirm-page').getByText('平台代缴（挂账）').waitFor();
      await shot('vehicles-08-confirm-breakdown');
      await on(page, '.vehicles-bottom-bar__action').click();

      // The order page follows the order on its timeline until done.
      await on(page, '.vorder-head').waitFor();
      await shot('vehicles-09-order-submitted');
      await on(page, '.vorder-head--completed').waitFor({ timeout: 30_000 });
      await on(page, '.vorder-head').getByText('办理完成').waitFor();
      expect(await on(page, '.order-timeline').innerText()).toContain('违章办理完成');
      await shot('vehicles-10-order-done');

      const token = await currentUserToken(page);
      const orders = await t.http.get('/api/orders').set('Authorization', `Bearer ${token}`).expect(200);
      expect(orders.body.items[0]).toMatchObject({ kind: 'violation_payment', status: 'completed' });

      // Back in the garage: counts, the totals of the last query, and monitoring switched on.
      await page.goto('/#/vehicles/pages/garage/index');
      await on(page, '.car-card').waitFor();
      await on(page, '.car-count').first().waitFor({ timeout: 15_000 });
      await on(page, '.car-monitor-switch').click();
      await on(page, '.car-monitor-state--on').waitFor();
      await page
        .locator('.nut-toast')
        .filter({ visible: true })
        .waitFor({ state: 'detached', timeout: 5000 })
        .catch(() => undefined);
      await page.waitForTimeout(2500);
      expect(await on(page, '.car-card__meta').innerText()).toContain('小型汽车');
      await shot('vehicles-11-garage-card-monitoring');

      // A new violation arrives by the vendor's callback and shows as a notice.
      const sim = t.sandbox.get<DocloudSimulator>('docloud');
      sim.addViolation('浙A66688', { fine: 200, point: 0, address: '天目山路古翠路口', reason: '机动车违反规定停放' });
      await sim.callbacks.idle();
      await page.goto('/#/pages/messages/index');
      await on(page, '.notice-item').getByText('发现新违章').waitFor({ timeout: 15_000 });
      expect(await on(page, '.notice-item').first().innerText()).toContain('天目山路古翠路口');
      await shot('vehicles-12-notice');
    },
    JOURNEY_MS,
  );
});

describeInBrowser('the H5 app: vehicles, paying on the vendor’s page (online mode)', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession('sqlite', { DOCLOUD_PAYMENT_MODE: 'online' });
    s.t.sandbox.get<DocloudSimulator>('docloud').setPaymentMode('online');
  }, 60_000);
  afterAll(() => s?.close());

  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  it('the order waits for payment, the pay button opens the vendor’s page, and the order then finishes', async () => {
    const { page, t } = s;
    await page.goto('/');
    await page.waitForFunction(() =>
      Boolean((globalThis as unknown as BrowserWindow).localStorage.getItem('banshi.token')),
    );
    const token = await currentUserToken(page);
    const auth = { Authorization: `Bearer ${token}` };
    const car = await t.http
      .post('/api/vehicles/cars')
      .set(auth)
      .send({ plateNumber: '沪C3342Y', vin: 'LSVAM4187C2184847', phone: '13912345679', consent: true })
      .expect(201);
    await page.goto(`/#/vehicles/pages/violations/index?carId=${car.body.id}`);
    await on(page, '.violation-item:not(.violation-item--locked)').first().click();
    await on(page, '.vehicles-bottom-bar__action').click();
    await on(page, '.confirm-page').getByText('在线支付').waitFor();
    await on(page, '.vehicles-bottom-bar__action').click();

    await on(page, '.vorder-head--action_required').waitFor();
    await on(page, '.vorder-pay-button').getByText('去支付').waitFor();
    await page.waitForTimeout(450);
    await s.userShot('vehicles-13-online-awaiting-payment');
    const orderUrl = page.url();
    await on(page, '.vorder-pay-button').click();
    await page.getByText(/支付成功/).waitFor();
    await s.shot('vehicles-14-online-vendor-pay-page');

    await page.goto(orderUrl);
    await on(page, '.vorder-head--completed').waitFor({ timeout: 30_000 });
    expect(await on(page, '.vorder-pay-button').count()).toBe(0);
    await page.waitForTimeout(450);
    await s.userShot('vehicles-15-online-done');
  }, 120_000);
});
