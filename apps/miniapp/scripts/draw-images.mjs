// Draws the app's few pictures from inline SVG: the tab bar icons (81×81 PNG, WeChat's recommended size)
// in the idle and the selected colour of app.config.ts, and the empty-state picture. The PNGs are
// committed; run this only to change them:
//   node apps/miniapp/scripts/draw-images.mjs
// WeChat's tab bar accepts neither SVG nor icon fonts, hence PNG.
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const assetsDir = join(here, '..', 'src', 'assets');
const outDir = join(assetsDir, 'tabbar');

/** sharp is a dependency of the server workspace, not of the mini-program: borrow it from there. */
async function loadSharp() {
  try {
    return (await import('sharp')).default;
  } catch {
    const require = createRequire(join(here, '..', '..', 'server', 'package.json'));
    return require('sharp');
  }
}

const IDLE = '#8a8f99';
const ACTIVE = '#07c160';

// 24×24 outline glyphs, scaled up by the SVG viewBox.
const glyphs = {
  home: '<path d="M3.5 10.5 12 3.5l8.5 7"/><path d="M5.5 9v11h13V9"/><path d="M10 20v-5.5h4V20"/>',
  orders: '<rect x="5" y="3.5" width="14" height="17" rx="2"/><path d="M8.5 8.5h7M8.5 12h7M8.5 15.5h4.5"/>',
  me: '<circle cx="12" cy="8.5" r="4"/><path d="M4.5 20.5c.8-4 3.8-6.5 7.5-6.5s6.7 2.5 7.5 6.5"/>',
};

function svg(glyph, color) {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 24 24" fill="none" ` +
      `stroke="${color}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${glyph}</svg>`,
  );
}

const sharp = await loadSharp();
await mkdir(outDir, { recursive: true });
for (const [name, glyph] of Object.entries(glyphs)) {
  for (const [suffix, color] of [
    ['', IDLE],
    ['-active', ACTIVE],
  ]) {
    const file = join(outDir, `${name}${suffix}.png`);
    await sharp(svg(glyph, color)).png({ compressionLevel: 9, palette: true }).toFile(file);
    console.log(`wrote ${file}`);
  }
}

// An open, empty tray: neutral, and light enough to sit on the page background.
const empty = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 120 120" fill="none">` +
    `<ellipse cx="60" cy="98" rx="40" ry="6" fill="#eceef1"/>` +
    `<path d="M24 62 36 34h48l12 28v26a4 4 0 0 1-4 4H28a4 4 0 0 1-4-4z" fill="#f7f8fa" stroke="#c9ced6" stroke-width="2.5" stroke-linejoin="round"/>` +
    `<path d="M24 62h22l4 8h20l4-8h22" stroke="#c9ced6" stroke-width="2.5" stroke-linejoin="round"/>` +
    `<path d="M52 18v8M68 18v8M40 22l4 6M80 22l-4 6" stroke="#d9dde3" stroke-width="2.5" stroke-linecap="round"/>` +
    `</svg>`,
);
const emptyFile = join(assetsDir, 'empty.png');
await sharp(empty).png({ compressionLevel: 9, palette: true }).toFile(emptyFile);
console.log(`wrote ${emptyFile}`);
