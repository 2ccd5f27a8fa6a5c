import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { DatabaseKind } from '../../support/databases.js';
import { expectUserLanguage } from './user-language.js';

const here = dirname(fileURLToPath(import.meta.url));
export const H5_DIST = resolve(here, '../../../../miniapp/dist/h5');
export const SCREENSHOTS = resolve(here, '../../../../../.artifacts/screenshots');

/** Browser journeys need Chromium; `pnpm test` sets CHROMIUM_PATH when it finds one. */
export const describeInBrowser: jest.Describe = process.env.CHROMIUM_PATH ? describe : describe.skip;

export interface BrowserSession {
  t: TestApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /**
   * Saves a screenshot under .artifacts/screenshots (git-ignored), and on a phone one per width of
   * BROWSER_WIDTHS too.
   */
  shot(name: string): Promise<void>;
  /**
   * A user's page: fails if it shows a vendor code, a raw key or an English word, then saves a
   * screenshot (and one per width of BROWSER_WIDTHS, e.g. `360,414`, to look at phone sizes).
   */
  userShot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server in sandbox mode serving the H5 build, and a phone-sized headless Chromium.
 * Flags as the toolchain notes require: as root, without a network, with a fresh profile.
 */
export async function startBrowserSession(
  kind: DatabaseKind = 'sqlite',
  env: Record<string, string> = {},
  /** A desk screen instead of the phone (the merchant console's journeys). */
  desk?: { width: number; height: number },
): Promise<BrowserSession> {
  const t = await startTestApp(kind, { H5_DIST_DIR: H5_DIST, ...env });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({
    baseURL: t.baseUrl,
    viewport: desk ?? { width: 390, height: 844 },
    deviceScaleFactor: desk ? 1 : 2,
    isMobile: !desk,
    hasTouch: !desk,
    acceptDownloads: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    browser,
    context,
    page,
    shot: async (name) => {
      await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
      if (!desk) await shotAtWidths(page, name);
    },
    userShot: async (name) => {
      await expectUserLanguage(page, name);
      await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
      await shotAtWidths(page, name);
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

const WIDTHS = (process.env.BROWSER_WIDTHS ?? '')
  .split(',')
  .map(Number)
  .filter((width) => width > 0);

async function shotAtWidths(page: Page, name: string): Promise<void> {
  if (WIDTHS.length === 0) return;
  const viewport = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: viewport?.height ?? 844 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}@${width}.png`), fullPage: true });
  }
  if (viewport) await page.setViewportSize(viewport);
}

/** The user the H5 app logged in as (its token is kept in localStorage by the app). */
export async function currentUserToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    // Runs in the browser page.
    const { localStorage } = globalThis as unknown as { localStorage: { getItem(key: string): string | null } };
    const raw = localStorage.getItem('banshi.token');
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as unknown;
      return typeof parsed === 'string' ? parsed : ((parsed as { data?: string }).data ?? null);
    } catch {
      return raw;
    }
  });
  if (!token) throw new Error('the H5 app has not logged in yet');
  return token;
}
