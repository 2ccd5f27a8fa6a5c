import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import {
  renderBillImage,
  SAMPLE_DIGITAL_VAT,
  sampleBill,
  vatQrText,
  type GeneratedVat,
  type YundouSimulator,
} from '@banshi/vendor-simulators/yundou';
import { currentUserToken, describeInBrowser, startBrowserSession, type BrowserSession } from './support/browser.js';

/**
 * 票据识别 in the H5 build: home tile → photo of a VAT invoice → recognising → the typed invoice with its
 * items; the same invoice again → the duplicate warning, not counted twice; export to Excel; a 数电 QR text
 * read at once; a train ticket with its passenger masked.
 */
describeInBrowser('the H5 app: invoice scan', () => {
  let s: BrowserSession;
  let vatPhoto: Buffer;
  let trainPhoto: Buffer;
  let taxiPhoto: Buffer;
  beforeAll(async () => {
    s = await startBrowserSession();
    vatPhoto = await renderBillImage(sampleBill('vat_special'), { rotateDeg: 2 });
    trainPhoto = await renderBillImage(sampleBill('train'));
    taxiPhoto = await renderBillImage(sampleBill('taxi'));
  }, 60_000);
  afterAll(() => s?.close());

  const JOURNEY_MS = 150_000;
  /** Taro's H5 router keeps earlier pages in the document, hidden: look at the page on screen. */
  const on = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  async function shot(name: string) {
    await s.page.waitForTimeout(450);
    await s.userShot(name);
  }

  /** H5 chooseMedia with one source opens the file input at once (capture="environment" for the camera). */
  async function choosePhoto(page: Page, action: '.scan-action--camera' | '.scan-action--album', photo: Buffer) {
    const chooser = page.waitForEvent('filechooser');
    await on(page, action).click();
    const fileChooser = await chooser;
    const capture = await fileChooser.element().getAttribute('capture');
    expect(capture).toBe(action === '.scan-action--camera' ? 'environment' : null);
    await fileChooser.setFiles({ name: 'bill.jpg', mimeType: 'image/jpeg', buffer: photo });
  }

  async function backToList(page: Page) {
    await page.goBack();
    await on(page, '.invoices-page').waitFor();
  }

  it(
    'scans a VAT invoice, flags the second scan of it as a duplicate, and exports the list',
    async () => {
      const { page, t } = s;
      await page.goto('/');
      await page.waitForFunction("Boolean(localStorage.getItem('banshi.token'))");
      const tile = on(page, '.service-tile--invoices');
      await tile.waitFor();
      await shot('invoices-01-home-tile');
      await tile.click();
      await on(page, '.invoice-list-empty').waitFor();
      await shot('invoices-02-empty-list');

      // First scan: the camera. The vendor takes about 1.5 s in the sandbox: the detail page shows it working.
      await choosePhoto(page, '.scan-action--camera', vatPhoto);
      await on(page, '.scan-state--recognising').waitFor();
      await shot('invoices-03-recognising');
      await on(page, '.bill-summary').waitFor({ timeout: 20_000 });
      await on(page, '.vat-item').first().waitFor();
      expect(await on(page, '.bill-summary__amount').textContent()).toBe('¥3390.00');
      expect(await on(page, '.vat-item').count()).toBe(2);
      expect(await on(page, '.duplicate-warning').count()).toBe(0);
      await shot('invoices-04-recognised-vat');

      await backToList(page);
      await on(page, '.invoice-card--recognised').waitFor();
      await shot('invoices-05-list-one');

      // Second scan of the same invoice, from the album.
      await choosePhoto(page, '.scan-action--album', vatPhoto);
      await on(page, '.duplicate-warning').waitFor({ timeout: 20_000 });
      const warning = await on(page, '.duplicate-warning').textContent();
      expect(warning).toContain('不计入合计');
      expect(warning).toMatch(/订单号 BS\d+/);
      expect(await on(page, '.invoice-reimburse').count()).toBe(0);
      await shot('invoices-06-duplicate-warning');

      await backToList(page);
      await on(page, '.invoice-card--duplicate').waitFor();
      expect(await on(page, '.invoice-card').count()).toBe(2);
      expect(await on(page, '.totals-card__value').first().textContent()).toBe('¥3390.00');
      expect(await on(page, '.totals-card__value').nth(1).textContent()).toBe('1');
      await on(page, '.totals-card__note').getByText('有 1 张重复扫描的票据，未计入合计').waitFor();
      await shot('invoices-07-list-with-duplicate');

      // Export: the action sheet, then a real file download.
      await on(page, '.totals-card__export').click();
      const excel = page.getByText('导出 Excel 表格（.xlsx）');
      await excel.waitFor();
      await shot('invoices-08-export-choice');
      const downloading = page.waitForEvent('download');
      await excel.click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('票据清单-全部.xlsx');
      const workbook = new ExcelJS.Workbook();
      const bytes = await readFile(await download.path());
      await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      const sheet = workbook.getWorksheet('票据');
      expect(sheet?.getRow(3).getCell(4).value).toBe('增值税专用发票');
      expect([sheet?.getRow(3).getCell(8).value, sheet?.getRow(4).getCell(8).value].sort()).toEqual(['否', '是']);
      expect(sheet?.getRow(5).getCell(7).value).toBe(3390);
      await page.getByText('已导出').waitFor();
      await shot('invoices-09-exported');

      const token = await currentUserToken(page);
      const list = await t.http.get('/api/invoices').set('Authorization', `Bearer ${token}`).expect(200);
      expect(list.body.totals).toEqual({ count: 1, amountFen: 339_000, duplicates: 1 });

      // From 我的订单 a scan opens on the invoices detail page (the newest: the duplicate), not the timeline.
      await page.goto('/#/pages/orders/index');
      await on(page, '.order-row').first().click();
      await on(page, '.invoice-detail-page .duplicate-warning').waitFor();
      await shot('invoices-09b-from-my-orders');
      // Back where the next journey starts: the invoices list.
      await page.goto('/#/invoices/pages/index/index');
      await on(page, '.invoices-page').waitFor();
    },
    JOURNEY_MS,
  );

  it(
    'reads a 数电 QR text at once, shows a train ticket masked and marks it reimbursed, retries a failed photo',
    async () => {
      const { page } = s;
      await on(page, '.scan-action--qr').click();
      await on(page, '.invoice-qr-page').waitFor();
      await on(page, '.invoice-qr-text textarea').fill(vatQrText(SAMPLE_DIGITAL_VAT as GeneratedVat));
      await shot('invoices-10-qr-entry');
      await on(page, '.invoice-qr-submit').click();
      await on(page, '.bill-summary').waitFor();
      expect(await on(page, '.bill-summary__type').textContent()).toContain('数电发票（普通发票）');
      await on(page, '.bill-fields').getByText('24442000000123456789').waitFor();
      await shot('invoices-11-qr-read-at-once');

      await page.goBack();
      await on(page, '.invoices-page').waitFor();
      await choosePhoto(page, '.scan-action--album', trainPhoto);
      await on(page, '.ticket-card').waitFor({ timeout: 20_000 });
      expect(await on(page, '.ticket-card__passenger').textContent()).toBe('李*');
      expect(await on(page, '.ticket-card__id').textContent()).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
      await on(page, '.invoice-reimburse').click();
      await on(page, '.invoice-actions__note').waitFor();
      await page.getByText('已标记为报销', { exact: true }).waitFor({ state: 'hidden' });
      await shot('invoices-12-train-reimbursed');

      await backToList(page);
      await on(page, '.invoice-month').nth(1).waitFor();
      await shot('invoices-13-list-by-month');

      // A photo the vendor cannot read: its words, and recognising the kept photo again.
      s.t.sandbox.get<YundouSimulator>('yundou').failNextRecognitions(1, '图片模糊，请对准票据重新拍摄');
      await choosePhoto(page, '.scan-action--camera', taxiPhoto);
      await on(page, '.scan-state--failed').waitFor({ timeout: 20_000 });
      await on(page, '.scan-state--failed').getByText('图片模糊，请对准票据重新拍摄').waitFor();
      await shot('invoices-14-recognition-failed');
      await on(page, '.scan-retry-kept').click();
      await on(page, '.taxi-card').waitFor({ timeout: 20_000 });
      expect(await on(page, '.taxi-card').textContent()).toContain('粤B·T1234');
      await shot('invoices-15-retried-taxi');
    },
    JOURNEY_MS,
  );
});
