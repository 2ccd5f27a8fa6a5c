import type { Page } from 'playwright-core';

/** Signs in to the desk console and waits for the orders table (the page a merchant lands on). */
export async function consoleLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/console/orders');
  await page.locator('.login-username').fill(username);
  await page.locator('.login-password input').fill(password);
  await page.locator('.login-submit').click();
  await page.locator('.order-table tbody tr.ant-table-row').first().waitFor();
}

/** Picks an option of an antd Select found by its class. */
export async function pick(page: Page, select: string, option: string): Promise<void> {
  await page.locator(`${select} .ant-select-selector`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The console's token in this browser, to call the API as the signed-in merchant. */
export function consoleToken(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('banshi.console.token'));
}
