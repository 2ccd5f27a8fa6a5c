#!/usr/bin/env node
// Sizes of the console's build, gzip: the first load (the entry with everything it imports
// statically, and its CSS) and each lazy route (its chunk with the static imports the entry does
// not already bring). Read from Vite's manifest, so it is what a browser really fetches.
// `node scripts/sizes.mjs [--json]`; `pnpm bench` prints it beside the mini-program's packages.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const gzip = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** A chunk and every chunk it imports statically, with their CSS. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const child of manifest[key].imports ?? []) closure(child, seen);
  return seen;
}

function files(keys) {
  const out = new Set();
  for (const key of keys) {
    out.add(manifest[key].file);
    for (const css of manifest[key].css ?? []) out.add(css);
  }
  return out;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entry = closure(entryKey);
const entryFiles = files(entry);
const sum = (set) => [...set].reduce((total, file) => total + gzip(file), 0);

const routes = [];
for (const key of manifest[entryKey].dynamicImports ?? []) {
  const own = [...files(closure(key))].filter((file) => !entryFiles.has(file));
  const name = key.replace(/^src\//, '').replace(/\.tsx?$/, '');
  routes.push({ route: name, gzipBytes: own.reduce((total, file) => total + gzip(file), 0) });
}
const html = gzipSync(readFileSync(join(dist, 'index.html'))).length;
const firstLoad = sum(entryFiles) + html;
// The orders page is where a merchant lands: its chunk is part of what the first screen needs.
const landing = routes.find((r) => r.route === 'orders/orders-page');
const result = { firstLoadGzipBytes: firstLoad, landingGzipBytes: firstLoad + (landing?.gzipBytes ?? 0), routes };

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`console first load (entry, gzip): ${kb(firstLoad)}`);
  console.log(`console first screen (entry + orders page, gzip): ${kb(result.landingGzipBytes)} (budget 400 KB)`);
  for (const route of routes) console.log(`  lazy ${route.route}: ${kb(route.gzipBytes)}`);
}
