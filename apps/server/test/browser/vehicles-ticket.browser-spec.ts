import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import type { Page } from 'playwright-core';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

interface BrowserWindow {
  localStorage: { getItem(key: string): string | null };
}

/**
 * The two Docloud endpoints a person reaches only on the edges of 违章查缴: a car added without a
 * phone (上海 does not need one to query) asks for it on the confirm page, where 《获取token》 takes
 * it; and a ticket the query does not show yet is typed in and priced (《直通车查询报价》), then chosen.
 */
describeInBrowser('the H5 app: vehicles without a phone, and a violation typed in from a ticket', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession('sqlite', { VIOLATION_PREPAY: 'off' });
  }, 60_000);
  afterAll(() => s?.close());

  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });
  const shot = async (name: string) => {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  };
  async function typeInto(page: Page, selector: string, value: string) {
    const input = on(page, `${selector} input`);
    await input.fill('');
    await input.pressSequentially(value, { delay: 10 });
  }

  it('asks for the phone at the first order only, then prices a ticket and chooses it', async () => {
    const { page, t } = s;
    await page.goto('/');
    await page.waitForFunction(() =>
      Boolean((globalThis as unknown as BrowserWindow).localStorage.getItem('banshi.token')),
    );
    const auth = { Authorization: `Bearer ${await currentUserToken(page)}` };
    const car = await t.http
      .post('/api/vehicles/cars')
      .set(auth)
      .send({ plateNumber: '沪C3342Y', vin: 'LSVAM4187C2184847', consent: true })
      .expect(201);
    const sim = t.sandbox.get<DocloudSimulator>('docloud');
    const assigns = sim.host.callsTo('/violation/assign/token');

    // A payable violation, to the confirm page: the phone is asked for there.
    await page.goto(`/#/vehicles/pages/violations/index?carId=${car.body.id}`);
    await on(page, '.violation-item:not(.violation-item--locked)').first().click();
    await on(page, '.vehicles-bottom-bar__action').click();
    await on(page, '.order-phone-card').waitFor();
    await on(page, '.vehicles-bottom-bar__action').click();
    await on(page, '.order-phone-card__error').getByText('请填写车主手机号').waitFor();
    await shot('vehicles-16-confirm-asks-phone');
    await typeInto(page, '.order-phone-input', '13912345670');
    await on(page, '.vehicles-bottom-bar__action').click();
    await on(page, '.vorder-head').waitFor();
    expect(sim.host.callsTo('/violation/assign/token') - assigns).toBe(1);

    // Back to the list: a ticket typed in. The phone is saved now, so only the ticket is asked.
    await page.goto(`/#/vehicles/pages/violations/index?carId=${car.body.id}`);
    await on(page, '.violations-ticket-link').click();
    await on(page, '.ticket-form').waitFor();
    expect(await on(page, '.order-phone-card').count()).toBe(0);
    await on(page, '.vehicles-bottom-bar__action').click();
    await on(page, '.ticket-time-error').getByText('请选择违章时间').waitFor();
    await shot('vehicles-17-ticket-form-errors');
    await on(page, '.ticket-time').click();
    await on(page, '.nut-picker-confirm-btn').click();
    await typeInto(page, '.ticket-city', '上海市');
    await typeInto(page, '.ticket-location', '虹桥路延安西路口');
    await typeInto(page, '.ticket-reason', '机动车违反禁令标志指示');
    await typeInto(page, '.ticket-lawCode', '1344');
    await typeInto(page, '.ticket-fineYuan', '100');
    await shot('vehicles-18-ticket-filled');
    await on(page, '.vehicles-bottom-bar__action').click();

    // Priced, in the list, and chosen for payment.
    await on(page, '.violations-summary').waitFor();
    const typedIn = on(page, '.violation-item').filter({ hasText: '虹桥路延安西路口' });
    await typedIn.waitFor({ timeout: 15_000 });
    await on(page, '.vehicles-bottom-bar').getByText('已选 1 条，合计').waitFor();
    await shot('vehicles-19-ticket-priced-and-chosen');
  }, 150_000);
});
