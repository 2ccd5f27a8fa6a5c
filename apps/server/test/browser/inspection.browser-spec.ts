import type { Page } from 'playwright-core';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { STATUS_JOB } from '../../src/inspection/inspection-status.service.js';
import { addGarageCar, docloud, rawRows } from '../inspection/support.js';
import { openidOf, sendOutbox, wechat } from '../notifications/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

/**
 * 年检代办 in the H5 build: home tile → the car from the garage → its facts with the live 免检 check (a
 * seven-seater first, which does not qualify, then five seats) → brand / series / model → the materials
 * with their sample pictures → the return address with the vendor's areas → confirm → the order page,
 * followed as the vendor moves the order on, up to the papers coming back.
 */
describeInBrowser('the H5 app: annual inspection (年检代办)', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession();
    docloud(s.t);
  }, 60_000);
  afterAll(() => s?.close());

  /** Taro's H5 router keeps earlier pages in the document, hidden: look at the page on screen. */
  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  /** The app logs in by itself on first launch; wait for it. */
  async function currentUserTokenWhenLoggedIn(page: Page) {
    await page.waitForFunction(() =>
      Boolean(
        (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(
          'banshi.token',
        ),
      ),
    );
  }

  async function typeInto(page: Page, selector: string, value: string) {
    const input = on(page, `${selector} input, ${selector} textarea`).first();
    await input.fill('');
    await input.pressSequentially(value, { delay: 10 });
  }

  it('from the eligibility check to a placed order, then the order followed to the end', async () => {
    try {
      await journey();
    } catch (error) {
      await s.shot('inspection-99-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  async function journey() {
    const { page, t } = s;
    await page.goto('/');
    await currentUserTokenWhenLoggedIn(page);
    const token = await currentUserToken(page);
    await addGarageCar(t, token, '浙B6R8K9');
    // The phone bound on 我的 (the sandbox's WeChat gives 13800138000) is offered on the address form.
    const { body: minted } = await t.http.post('/api/sandbox/wechat/phone-code').send({}).expect(200);
    await t.http.post('/api/me/phone').set('Authorization', `Bearer ${token}`).send({ code: minted.code }).expect(200);

    const tile = on(page, '.service-tile--inspection');
    await tile.waitFor();
    await shot('inspection-01-home-tile');
    await tile.click();

    // The service page: the rules, the station notice, and the garage car waiting for its facts.
    await on(page, '.inspection-car').waitFor();
    await on(page, '.inspection-intro').getByText('暂不支持预约上线检测，请前往当地检测站', { exact: false }).waitFor();
    await on(page, '.inspection-car').getByText('待完善信息').waitFor();
    await shot('inspection-02-service-home');
    await on(page, '.inspection-car').click();

    // The car's facts: a seven-seater first — the check says why it does not qualify.
    await on(page, '.car-field--date').waitFor();
    await on(page, '.car-field--date').click();
    await on(page, '.nut-picker-confirm-btn').click();
    const plus = on(page, '.car-seats .nut-inputnumber-add');
    await plus.click();
    await plus.click();
    await on(page, '.exemption-check--seats.exemption-check--failed').waitFor();
    await on(page, '.exemption-panel').getByText('您的车辆为 7 座').waitFor();
    await on(page, '.exemption-panel')
      .getByText(/暂不支持预约上线检测/)
      .waitFor();
    await shot('inspection-03-not-eligible-explained');

    // Back to five seats: it qualifies.
    const minus = on(page, '.car-seats .nut-inputnumber-minus');
    await minus.click();
    await minus.click();
    await on(page, '.exemption-panel--ok').waitFor();
    expect(await on(page, '.exemption-check--failed').count()).toBe(0);

    // Brand → series → model from the vendor's catalogue.
    await on(page, '.car-field--model').click();
    await on(page, '.cascade-sheet').getByText('奥迪').click();
    await on(page, '.cascade-sheet').getByText('A3', { exact: true }).click();
    await on(page, '.cascade-sheet').getByText('2014款 30 TFSI 豪华型').waitFor();
    await shot('inspection-04-model-cascade');
    await on(page, '.cascade-sheet').getByText('2014款 30 TFSI 豪华型').click();
    await on(page, '.car-field--model').getByText('奥迪 A3 2014款 30 TFSI 豪华型').waitFor();
    await shot('inspection-05-car-eligible');
    await on(page, '.car-form__save').click();

    // The materials, with hints and sample pictures, and the price.
    await on(page, '.inspection-materials-page .material-item').first().waitFor();
    await on(page, '.inspection-quote').getByText('宁波市 · 免检代办').waitFor();
    await on(page, '.inspection-bottom-bar').getByText('¥118.00').waitFor();
    const texts = await on(page, '.material-item__text').allTextContents();
    expect(texts).toEqual([
      '行驶证正副本原件',
      '在保险期间内的交强险保单副本原件',
      '车主身份证正反面复印件',
      '车辆违章处理完',
    ]);
    // The sample picture really loads (served by the vendor, here the simulator).
    const sample = on(page, '.material-item__image img, img.material-item__image').first();
    await sample.waitFor();
    await sample.evaluate((img) => {
      const image = img as unknown as { complete: boolean; naturalWidth: number; decode(): Promise<void> };
      return image.complete && image.naturalWidth > 0 ? undefined : image.decode();
    });
    expect(await sample.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(
      0,
    );
    await shot('inspection-06-materials');
    await on(page, '.inspection-ready__box').click();
    await on(page, '.inspection-ready .nut-checkbox-icon-checked').waitFor();
    await on(page, '.inspection-bottom-bar__action').click();

    // Return address, with the vendor's provinces, cities and districts.
    await on(page, '.address-name').waitFor();
    await expect(on(page, '.address-phone input').inputValue()).resolves.toBe('13800138000');
    await typeInto(page, '.address-name', '张三');
    await typeInto(page, '.address-phone', '1391234');
    await on(page, '.inspection-bottom-bar__action').click();
    await on(page, '.address-field__message').getByText('请填写正确的 11 位手机号').waitFor();
    await typeInto(page, '.address-phone', '13912345678');
    await on(page, '.address-area').click();
    await on(page, '.cascade-sheet').getByText('浙江省').click();
    await on(page, '.cascade-sheet').getByText('宁波市').click();
    await on(page, '.cascade-sheet').getByText('鄞州区').waitFor();
    await shot('inspection-07-area-cascade');
    await on(page, '.cascade-sheet').getByText('鄞州区').click();
    await typeInto(page, '.address-detail', '天童南路588号');
    await on(page, '.address-area').getByText('浙江省 宁波市 鄞州区').waitFor();
    await shot('inspection-08-address');
    await on(page, '.inspection-bottom-bar__action').click();

    // Confirm: the car, the address, the price.
    await on(page, '.inspection-confirm-page').getByText('浙B**8K9').waitFor();
    await on(page, '.inspection-confirm-page').getByText('浙江省宁波市鄞州区天童南路588号').waitFor();
    await shot('inspection-09-confirm');
    await on(page, '.inspection-bottom-bar__action').getByText('确认下单').waitFor();
    await on(page, '.inspection-bottom-bar__action').click();

    // The order: paid on credit, waiting for the courier.
    await page.waitForURL(/inspection\/pages\/order\/index\?id=\d+/, { timeout: 30_000 });
    await on(page, '.inspection-order__label').getByText('待取件').waitFor();
    await shot('inspection-10-order-placed');
    const detail = (await rawRows(t, 'inspection_orders'))[0];
    expect(detail).toBeDefined();
    const vendorOrderId = String(detail.vendor_order_id);

    // The vendor moves on; the user asks for the latest.
    const sim = docloud(t);
    for (let i = 0; i < 4; i++) sim.advanceInspectionOrder(vendorOrderId); // → 35
    await on(page, '.inspection-order__refresh-button').click();
    await on(page, '.inspection-order__label').getByText('办理完成，寄回中').waitFor();
    await on(page, '.inspection-shipment')
      .getByText(/顺丰速运 SF2/)
      .waitFor();
    await shot('inspection-11-order-coming-back');

    // The status job learns of the end; the open page picks it up by itself.
    sim.advanceInspectionOrder(vendorOrderId); // → 50
    expect(await t.app.get(JobScheduler).runNow(STATUS_JOB)).toBe(true);
    await on(page, '.inspection-order__label').getByText('已收件，办理完成').waitFor({ timeout: 15_000 });
    await on(page, '.inspection-order').getByText('已完成').first().waitFor();
    await shot('inspection-12-order-done');

    // 确认下单 asked for updates (the sandbox plays WeChat's dialog, 允许 once): exactly one subscribe
    // message went out for the order's moves, linking to the order.
    await sendOutbox(t);
    const sent = wechat(t).subscriptions.sentTo(await openidOf(t, token));
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toMatch(/order\/index\?id=\d+/);
  }
});
