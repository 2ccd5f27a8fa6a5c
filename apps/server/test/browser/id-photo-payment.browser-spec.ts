import { makeIdNumber } from '@banshi/vendor-clients';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { ADDRESS, bearer, uploadPhoto } from '../id-photo/support.js';
import { setPrices } from '../payments/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

const ID_NUMBER = makeIdNumber('110105', '19920615', 233);

/**
 * A priced 证件照回执 in the H5 app: the form shows the merchant's price before the user commits;
 * the order waits 待支付; 去支付 opens the sandbox cashier; back on the order the payment is
 * confirmed with WeChat Pay, only then is the receipt submitted to zjz, and the user sees it done.
 */
describeInBrowser('the H5 app: paying for an ID-photo receipt through the sandbox cashier', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession();
    await setPrices(s.t, { id_photo_receipt: 1_500, id_photo_print: 800 });
  }, 60_000);
  afterAll(() => s?.close());

  it('price shown → 待支付 → cashier → 已支付 → submitted → 办理完成', async () => {
    const { page, t } = s;
    const sim = t.sandbox.get<ZjzSimulator>('zjz');
    sim.scenario.reviewDelayMs = 300;
    sim.scenario.completeDelayMs = 300;
    sim.scenario.shipDelayMs = 300;
    const visible = (selector: string) => page.locator(`${selector} >> visible=true`);
    const shot = async (name: string) => {
      await page.waitForTimeout(450);
      await s.userShot(name);
    };
    try {
      await page.goto('/');
      await page.waitForFunction(() =>
        Boolean((globalThis as unknown as { localStorage: Storage }).localStorage.getItem('banshi.token')),
      );
      const token = await currentUserToken(page);
      const specs = await t.http
        .get('/api/id-photo/specs')
        .set(...bearer(token))
        .expect(200);
      const teacher = (specs.body.items as { itemId: number; name: string }[]).find((x) => x.name === '教师资格证');
      const photo = await uploadPhoto(t, token, teacher?.itemId);
      const submitted = sim.stats().submitted;

      await page.goto(`/#/id-photo/pages/form/index?photoId=${photo.id}&color=white`);
      await visible('.id-photo-consent-agree').waitFor();
      await visible('.id-photo-privacy__label').click();
      await visible('.id-photo-consent-agree').click();
      await visible('.id-photo-input-text_name input').fill('陈晓');
      await visible('.id-photo-input-text_idcard input').fill(ID_NUMBER);
      await visible('.price-summary').getByText('¥15.00').first().waitFor();
      // 打印邮寄 adds the merchant's extra, shown as its own line before the user commits.
      await visible('.id-photo-print-switch').click();
      for (const [name, value] of Object.entries(ADDRESS)) {
        await visible(`.id-photo-print-${name} input`).fill(value);
      }
      await visible('.price-summary').getByText('¥8.00').waitFor();
      await visible('.price-summary__total').getByText('¥23.00').waitFor();
      await expect(visible('.price-summary__note').textContent()).resolves.toContain('支付后才提交审核');
      await expect(visible('.order-form__button').textContent()).resolves.toBe('提交订单 ¥23.00');
      await visible('.price-summary').scrollIntoViewIfNeeded();
      await shot('id-photo-pay-01-price');
      await visible('.order-form__button').click();
      await page.getByText('应付 ¥23.00').waitFor();
      await shot('id-photo-pay-02-confirm');
      await page.locator('.taro-modal__foot >> text=确认提交').click();

      const panel = visible('.payment-panel');
      await panel.getByText('待支付').waitFor();
      await panel.getByText('¥23.00').waitFor();
      await expect(visible('.payment-panel__item').allTextContents()).resolves.toEqual([
        '证件照回执¥15.00',
        '打印邮寄¥8.00',
      ]);
      await visible('.id-photo-status__title').filter({ hasText: '待支付' }).waitFor();
      expect(sim.stats().submitted).toBe(submitted);
      await shot('id-photo-pay-03-due');

      await visible('.payment-panel__pay').click();
      await page.waitForURL(/\/sandbox\/cashier/);
      await page.getByText('¥23.00').waitFor();
      await s.shot('id-photo-pay-04-cashier');
      await page.getByText('确认支付').click();

      await page.waitForURL(/wechatpay_result=ok/);
      await visible('.payment-panel').getByText('已支付').waitFor();
      await visible('.id-photo-status__title').filter({ hasText: '照片已寄出' }).waitFor({ timeout: 30_000 });
      expect(sim.stats().submitted).toBe(submitted + 1);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.id-photo-result__image img')].every(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ),
      );
      await shot('id-photo-pay-05-done');
      await visible('.id-photo-info').scrollIntoViewIfNeeded();
      await shot('id-photo-pay-06-details');
    } catch (error) {
      await s.shot('id-photo-pay-99-failure').catch(() => undefined);
      throw error;
    }
  }, 150_000);
});
