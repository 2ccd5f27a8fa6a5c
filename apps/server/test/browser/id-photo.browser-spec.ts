import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { makeIdNumber } from '@banshi/vendor-clients';
import { bearer, portraitJpeg, uploadPhoto } from '../id-photo/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

const ID_NUMBER = makeIdNumber('110105', '19920615', 233);

describeInBrowser('the H5 app: an ID-photo receipt from the home tile to the finished receipt', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await startBrowserSession();
  }, 60_000);
  afterAll(() => s?.close());

  /** Pages slide in: let the transition end before a screenshot. */
  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  it('picks a spec, uploads a portrait, chooses a background, fills the form and gets the receipt', async () => {
    const { page, t } = s;
    const sim = t.sandbox.get<ZjzSimulator>('zjz');
    // Only visible elements: earlier pages stay in Taro's H5 page stack, hidden.
    const visible = (selector: string) => page.locator(`${selector} >> visible=true`);

    await page.goto('/');
    await page.locator('.service-tile--id-photo').waitFor();
    await shot('id-photo-01-home');
    await page.locator('.service-tile--id-photo').click();

    await visible('.spec-card').first().waitFor();
    await expect(visible('.spec-card').first().textContent()).resolves.toMatch(/\d+×\d+mm.*\d+×\d+px/);
    await shot('id-photo-02-specs');
    await visible('.spec-picker__search input').fill('教师');
    await expect(visible('.spec-card').count()).resolves.toBe(1);
    await shot('id-photo-03-search');
    await visible('.spec-card').first().click();

    await visible('.shooting-tips').waitFor();
    await expect(visible('.shooting-tips__spec-size').textContent()).resolves.toBe('25×35mm · 295×413px · 300dpi');
    await shot('id-photo-04-tips');
    // Taro's H5 chooseMedia with one source opens its own file input (#taroChooseMedia) at once.
    const chooser = page.waitForEvent('filechooser');
    await visible('.photo-step__album').click();
    const fileChooser = await chooser;
    expect(await fileChooser.element().getAttribute('id')).toBe('taroChooseMedia');
    expect(await fileChooser.element().getAttribute('capture')).toBeNull();
    await fileChooser.setFiles({ name: 'portrait.jpg', mimeType: 'image/jpeg', buffer: await portraitJpeg(900, 1200) });
    await visible('.background-picker').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => {
      const img = document.querySelector('.background-picker__photo img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await visible('.background-option').filter({ hasText: '蓝底' }).click();
    await page.waitForTimeout(300);
    await shot('id-photo-05-background');
    await visible('.photo-step__next').click();

    await visible('.id-photo-privacy').waitFor();
    await expect(visible('.id-photo-input-text_idcard').count()).resolves.toBe(0);
    await shot('id-photo-06-privacy');
    await visible('.id-photo-privacy__label').click();
    await visible('.id-photo-consent-agree').click();

    await visible('.id-photo-input-text_name input').fill('陈晓');
    await visible('.id-photo-input-text_idcard input').fill(
      ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1'),
    );
    await visible('.order-form__button').click();
    await visible('.id-photo-field__error').first().waitFor();
    await expect(visible('.id-photo-field__error').first().textContent()).resolves.toBe(
      '身份证号校验位不正确，请检查是否输错',
    );
    await shot('id-photo-07-form-error');
    await visible('.id-photo-input-text_idcard input').fill(ID_NUMBER);
    // The toast of the refused attempt fades after 2.5 s.
    await page.waitForTimeout(2600);
    await shot('id-photo-08-form');
    await visible('.order-form__button').click();

    await page.getByText('本服务免费，提交后直接送审').waitFor();
    await shot('id-photo-09-confirm');
    await page.locator('.taro-modal__foot >> text=确认提交').click();

    await visible('.id-photo-order').waitFor();
    await visible('.id-photo-status__title')
      .filter({ hasText: /等待审核|审核中/ })
      .waitFor();
    await shot('id-photo-10-submitted');
    await visible('.id-photo-status__title').filter({ hasText: '审核中' }).waitFor({ timeout: 20_000 });
    await shot('id-photo-11-reviewing');
    await visible('.id-photo-status__title').filter({ hasText: '办理完成' }).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.id-photo-result__image img')].every(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
    await expect(visible('.id-photo-result').count()).resolves.toBe(2);
    await shot('id-photo-12-done');

    const download = page.waitForEvent('download');
    await visible('.id-photo-result--receipt .id-photo-result__save').click();
    expect((await download).suggestedFilename()).toBe('教师资格证-回执.jpg');

    // What the vendor got: the typed details, and the order is the user's, paid at 7 yuan.
    const [order] = sim.orders();
    expect(order).toMatchObject({
      specName: '教师资格证',
      param: { text_name: '陈晓', text_idcard: ID_NUMBER },
      status: 3,
    });
    await visible('.id-photo-info').scrollIntoViewIfNeeded();
    await shot('id-photo-13-details');

    // From 我的订单 the order opens on its service's own page (receipt included), not the generic timeline.
    await page.goto('/#/pages/orders/index');
    await visible('.order-row').first().click();
    await visible('.id-photo-order-page .id-photo-result--receipt').first().waitFor();
    await shot('id-photo-13b-from-my-orders');
  }, 180_000);

  it('shows why an order was rejected, and the corrected order goes through', async () => {
    const { page, t } = s;
    const sim = t.sandbox.get<ZjzSimulator>('zjz');
    const visible = (selector: string) => page.locator(`${selector} >> visible=true`);
    const token = await currentUserToken(page);
    const photo = await uploadPhoto(t, token, 41);
    sim.rejectNext('照片面部有阴影，请在光线均匀处重新拍摄');
    const created = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({
        photoId: photo.id,
        color: 'white',
        param: { text_name: '陈晓', text_idcard: ID_NUMBER },
        agreePrivacy: true,
      })
      .expect(201);

    await page.goto(`/#/id-photo/pages/order/index?id=${created.body.order.id}`);
    await visible('.id-photo-reject').waitFor({ timeout: 20_000 });
    await expect(visible('.id-photo-reject__reason').textContent()).resolves.toBe(
      '照片面部有阴影，请在光线均匀处重新拍摄',
    );
    await shot('id-photo-14-rejected');

    await visible('.id-photo-reject__edit').click();
    await visible('.id-photo-privacy__label').click();
    await visible('.id-photo-consent-agree').click();
    await visible('.order-form__reject').waitFor();
    await expect(visible('.id-photo-input-text_idcard input').getAttribute('placeholder')).resolves.toContain('110***');
    await visible('.id-photo-input-text_name input').fill('陈晓明');
    await shot('id-photo-15-resubmit-form');
    await visible('.order-form__button').click();
    await page.locator('.taro-modal__foot >> text=确认提交').click();

    await visible('.id-photo-status__title')
      .filter({ hasText: /重新提交|审核中/ })
      .waitFor();
    await visible('.id-photo-status__title').filter({ hasText: '办理完成' }).waitFor({ timeout: 20_000 });
    await expect(visible('.id-photo-info').textContent()).resolves.toContain('陈*明');
    await shot('id-photo-16-resubmitted-done');
    const vendorOrder = sim.orders().find((order) => order.submissions === 2);
    expect(vendorOrder?.param).toEqual({ text_name: '陈晓明', text_idcard: ID_NUMBER });
  }, 120_000);
});
