import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { DatabaseKind } from '../../support/databases.js';

const here = dirname(fileURLToPath(import.meta.url));
export const H5_DIST = resolve(here, '../../../../miniapp/dist/h5');
const SCREENSHOTS = resolve(here, '../../../../../.artifacts/screenshots');

/** Browser journeys need Chromium; `pnpm test` sets CHROMIUM_PATH when it finds one. */
export const describeInBrowser: jest.Describe = process.env.CHROMIUM_PATH ? describe : describe.skip;

export interface BrowserSession {
  t: TestApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot under .artifacts/screenshots (git-ignored). */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server in sandbox mode serving the H5 build, and a phone-sized headless Chromium.
 * Flags as the toolchain notes require: as root, without a network, with a fresh profile.
 */
export async function startBrowserSession(
  kind: DatabaseKind = 'sqlite',
  env: Record<string, string> = {},
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
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
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
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
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
