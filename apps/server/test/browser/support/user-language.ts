import type { Page } from 'playwright-core';

/**
 * What a user may read: Chinese, numbers, and a few names and units. Anything else on a user's
 * page is a leak of the machinery behind it: a vendor's status code, a raw key, an English word.
 */
const ALLOWED_WORDS = new Set([
  // Brands and names the product speaks of.
  'WeChat',
  'Banshi',
  // Car makers' model words, shown as the makers write them (from the vendor's model catalogue).
  'TFSI',
  'TSI',
  'SUV',
  // Abbreviations Chinese documents use as they are ("No." before a ticket's number).
  'No',
  'VIN',
  'ID',
  'EMS',
  'QR',
  'PDF',
  'CSV',
  'csv',
  'xlsx',
  'Excel',
  // Units.
  'mm',
  'cm',
  'px',
  'dpi',
  'DPI',
  'KB',
  'MB',
]);

/** Chinese words that only ever introduce a vendor's internals. */
const VENDOR_MARKERS = ['服务商状态', '服务商单号', '服务商订单号', 'vendorStatus', 'undefined', 'null', 'NaN'];

/**
 * Letters standing alone: not part of a plate, an order or tracking number, or a product code printed
 * on a bill (DS-530).
 */
const WORD = /(?<![A-Za-z0-9-])[A-Za-z][A-Za-z_]+(?![A-Za-z0-9-])/g;

export interface LanguageProblem {
  kind: 'english' | 'vendor';
  text: string;
  line: string;
}

/** The problems in a text a user sees (exported for its own unit test). */
export function languageProblems(text: string): LanguageProblem[] {
  const problems: LanguageProblem[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    for (const marker of VENDOR_MARKERS)
      if (line.includes(marker)) problems.push({ kind: 'vendor', text: marker, line });
    for (const [word] of line.matchAll(WORD)) {
      if (!ALLOWED_WORDS.has(word)) problems.push({ kind: 'english', text: word, line });
    }
  }
  return problems;
}

/**
 * Fails when the page on screen shows a user anything but user language. Taro's H5 router keeps
 * earlier pages in the document, hidden: `innerText` reads only what is rendered visible.
 */
export async function expectUserLanguage(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const problems = languageProblems(text);
  if (problems.length > 0) {
    const list = problems.map((p) => `  ${p.kind} "${p.text}" in: ${p.line.slice(0, 120)}`).join('\n');
    throw new Error(`${where}: the user's page shows what is not for users:\n${list}`);
  }
}
