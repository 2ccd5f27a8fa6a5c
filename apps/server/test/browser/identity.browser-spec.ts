import type { Page } from 'playwright-core';
import { makeFacePhoto, WANG_WU, ZHANG_SAN } from '../identity/support.js';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';
import { RAW_WORDS } from './support/raw-words.js';

/** The page's window, typed without the DOM library (the callbacks below run in the browser). */
interface BrowserWindow {
  localStorage: { getItem(key: string): string | null; clear(): void };
}

/**
 * 实名认证 in the H5 build, as a person goes through it: home tile → consent → name and ID number (with
 * the live check) → front-camera photo → waiting → result; once passing (张三), once failing (王五).
 */
describeInBrowser('the H5 app: identity verification', () => {
  let s: BrowserSession;
  let face: Buffer;
  beforeAll(async () => {
    s = await startBrowserSession();
    face = await makeFacePhoto();
  }, 60_000);
  afterAll(() => s?.close());

  const JOURNEY_MS = 120_000;

  /** Taro's H5 router keeps earlier pages in the document, hidden: look at the page on screen. */
  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  /** Waits for the page's slide-in to end, then takes the screenshot. */
  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  async function typeInto(page: Page, selector: string, value: string) {
    const input = on(page, `${selector} input`);
    await input.fill('');
    await input.pressSequentially(value, { delay: 10 });
  }

  /** From the home page to the photo step, with the consent and form checks on the way. */
  async function startVerification(page: Page, person: { name: string; idNumber: string }, shots: string) {
    await page.goto('/');
    await page.waitForFunction(() =>
      Boolean((globalThis as unknown as BrowserWindow).localStorage.getItem('banshi.token')),
    );
    const tile = on(page, '.service-tile--identity');
    await tile.waitFor();
    if (shots === 'pass') await shot('identity-01-home-tile');
    await tile.click();

    await on(page, '.identity-start').waitFor();
    await on(page, '.identity-index-page').getByText('认证不能证明什么').waitFor();
    if (shots === 'pass') await shot('identity-02-service-page');
    await on(page, '.identity-start').click();

    // Consent: nothing personal is asked for before the agreement is ticked.
    await on(page, '.consent-agree').waitFor();
    await on(page, '.consent-step')
      .getByText(/没有活体检测/)
      .waitFor();
    expect(await on(page, '.identity-name-input').count()).toBe(0);
    await on(page, '.consent-agree').click();
    expect(await on(page, '.identity-name-input').count()).toBe(0);
    if (shots === 'pass') await shot('identity-03-consent');
    await on(page, '.consent-checkbox').click();
    await on(page, '.consent-agree').click();

    // Form, with the live GB 11643 check.
    await on(page, '.identity-name-input input').waitFor();
    await typeInto(page, '.identity-name-input', person.name);
    const wrong = person.idNumber.slice(0, 17) + (person.idNumber[17] === '0' ? '1' : '0');
    await typeInto(page, '.identity-id-input', wrong);
    await on(page, '.identity-id-message').getByText('身份证号校验位不正确，请检查是否输错').waitFor();
    if (shots === 'pass') await shot('identity-04-form-live-check');
    await on(page, '.identity-next').click();
    expect(await on(page, '.face-take').count()).toBe(0); // a wrong number does not get past the form
    await typeInto(page, '.identity-id-input', person.idNumber);
    await page.getByText('身份证号格式正确').waitFor();
    expect(await on(page, '.identity-id-message').count()).toBe(0);
    await on(page, '.identity-next').click();
    await on(page, '.face-take').waitFor();
    await on(page, '.face-tips')
      .getByText(/摘下眼镜/)
      .waitFor();
    if (shots === 'pass') await shot('identity-05-photo-tips');
  }

  /** H5 chooseMedia: an action sheet (拍摄 / 从相册选择), then a file input with capture="user". */
  async function takePhotoAndSubmit(page: Page, shots: string) {
    const chooser = page.waitForEvent('filechooser');
    await on(page, '.face-take').click();
    // On a phone Taro first asks 拍摄 / 从相册选择; elsewhere it opens the file input at once.
    const sheet = page.getByText('拍摄', { exact: true });
    const fileChooser = await Promise.race([
      chooser,
      sheet.waitFor({ timeout: 5000 }).then(async () => {
        await sheet.click();
        return chooser;
      }),
    ]);
    expect(await fileChooser.element().getAttribute('capture')).toBe('user');
    await fileChooser.setFiles({ name: 'face.jpg', mimeType: 'image/jpeg', buffer: face });
    await on(page, '.face-photo-preview').waitFor();
    await shot(`identity-06-${shots}-photo-taken`);
    await on(page, '.face-submit').click();
    await on(page, '.submit-progress').waitFor();
    await shot(`identity-07-${shots}-waiting`);
  }

  it(
    '张三 passes: result with the verified badge, history, and 已实名 on 我的',
    async () => {
      const { page, t } = s;
      await startVerification(page, ZHANG_SAN, 'pass');
      await takePhotoAndSubmit(page, 'pass');

      await on(page, '.certification-result.is-passed').waitFor();
      await on(page, '.certification-result .verified-badge').waitFor();
      await page.getByText('认证通过').waitFor();
      await shot('identity-08-pass-result');

      const token = await currentUserToken(page);
      const me = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body.verified).toBe(true);

      await on(page, '.result-done').click();
      await on(page, '.identity-status--verified').waitFor();
      await on(page, '.history-row').first().waitFor();
      expect(await on(page, '.history-row').count()).toBe(1);
      await shot('identity-09-pass-service-page');

      await page.goto('/#/pages/me/index');
      await on(page, '.profile-card .verified-badge').waitFor();
      await shot('identity-10-me-verified');

      // From 我的订单 the attempt opens on its result page, not the generic timeline.
      await page.goto('/#/pages/orders/index');
      await on(page, '.order-row').first().click();
      await on(page, '.identity-result-page .certification-result.is-passed').waitFor();
      await shot('identity-10b-from-my-orders');
    },
    JOURNEY_MS,
  );

  it(
    '王五 fails: the result says what failed and what to do, and offers to retake the photo',
    async () => {
      const { page } = s;
      // A new browser user: a new sandbox WeChat identity.
      await page.goto('/');
      await page.evaluate(() => (globalThis as unknown as BrowserWindow).localStorage.clear());
      await page.reload();
      await startVerification(page, WANG_WU, 'fail');
      await takePhotoAndSubmit(page, 'fail');

      await on(page, '.certification-result.is-failed').waitFor();
      await page.getByText('照片与身份证照片不是同一人').waitFor();
      expect(await on(page, '.certification-reason').innerText()).toBe('人脸比对不通过');
      expect(await on(page, '.certification-next-step').innerText()).toContain(
        '请本人正对镜头、光线充足、摘下眼镜帽子后重新拍摄',
      );
      await page.getByText('今日还可认证 4 次').waitFor();
      await shot('identity-11-fail-result');

      // Retake keeps the name and number: straight back to the camera.
      await on(page, '.result-retake').click();
      await on(page, '.face-take').waitFor();
      expect(await on(page, '.face-capture__who-value').innerText()).toContain('王*');
      await shot('identity-12-fail-retake');

      await page.goto('/#/identity/pages/index/index');
      await on(page, '.history-row').first().waitFor();
      await on(page, '.history-row__reason').getByText('照片与身份证照片不是同一人').waitFor();
      await shot('identity-13-fail-history');
      await on(page, '.history-row').first().click();
      await on(page, '.certification-result.is-failed').waitFor();
      await shot('identity-14-fail-history-detail');
    },
    JOURNEY_MS,
  );

  it(
    'the merchant sees the identity orders with their masked timeline',
    async () => {
      const { page, t } = s;
      await t.createMerchant('identity-desk', 'identity-desk-password');
      await page.goto('/#/merchant/pages/login/index');
      await on(page, '.merchant-login-username input').fill('identity-desk');
      await on(page, '.merchant-login-password input').fill('identity-desk-password');
      await on(page, '.merchant-login-submit').click();
      await on(page, '.merchant-order-list .order-row').first().waitFor();
      const rows = await on(page, '.merchant-order-list .order-row').allInnerTexts();
      expect(rows.filter((row) => row.includes('实名认证')).length).toBeGreaterThanOrEqual(2);
      expect(rows.join('\n')).toContain('实名认证 王*');
      expect(rows.join('\n')).not.toContain(WANG_WU.idNumber);
      await s.shot('identity-15-merchant-list'); // the merchant's page keeps the vendor's codes

      await on(page, '.merchant-order-list .order-row').filter({ hasText: '实名认证 王*' }).first().click();
      await on(page, '.merchant-timeline').waitFor();
      const timeline = await on(page, '.merchant-timeline').innerText();
      expect(timeline).toContain('人脸比对不通过');
      // The whole detail: the server's sections, the person masked, no raw key.
      const detail = await on(page, '.merchant-order-detail-page').innerText();
      for (const shown of [timeline, detail]) {
        expect(shown).not.toContain(WANG_WU.idNumber);
        expect(shown).not.toContain(WANG_WU.name);
      }
      expect(detail).not.toMatch(RAW_WORDS);
      await page.waitForTimeout(600); // the page's slide-in ends before the screenshot
      await s.shot('identity-16-merchant-order-timeline');
    },
    JOURNEY_MS,
  );
});
