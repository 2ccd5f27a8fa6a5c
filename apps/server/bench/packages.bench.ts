import { execFileSync } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Figure } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const MINIAPP = resolve(here, '../../../miniapp/dist');
const WECHAT_CAP_KB = 2048;
/** Our tighter budgets (as apps/miniapp/scripts/package-sizes.mjs): the merchant pages without the dashboard's charts. */
const BUDGET_KB: Record<string, number> = { merchant: 300 };
const CONSOLE_SIZES = resolve(here, '../../../console/scripts/sizes.mjs');
const CONSOLE_BUDGET_KB = 400;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Each weapp package's size against WeChat's 2 MB cap, and the H5 build's first-load JavaScript gzipped. */
export async function benchPackages(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const weapp = join(MINIAPP, 'weapp');
  const appJson = JSON.parse(await readFile(join(weapp, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const roots = (appJson.subPackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((root) => [root, 0] as [string, number])]);
  for await (const file of walk(weapp)) {
    const rel = relative(weapp, file).split(sep).join('/');
    if (rel.endsWith('.map') || /^project(\.private)?\.config\.json$/.test(rel)) continue;
    const owner = roots.find((root) => rel.startsWith(`${root}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + (await stat(file)).size);
  }
  for (const [name, bytes] of sizes) {
    const kb = bytes / 1024;
    figures.push({
      group: 'mini-program size',
      name: `weapp ${name} package`,
      value: kb,
      unit: 'KB',
      ratio:
        name in BUDGET_KB
          ? { label: `of ${BUDGET_KB[name]} KB budget`, value: kb / BUDGET_KB[name] }
          : { label: 'of 2 MB cap', value: kb / WECHAT_CAP_KB },
    });
  }
  const h5 = join(MINIAPP, 'h5');
  const html = await readFile(join(h5, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1].replace(/^\//, ''));
  let gzipped = 0;
  for (const script of scripts) gzipped += gzipSync(await readFile(join(h5, script))).length;
  figures.push({
    group: 'mini-program size',
    name: `H5 first-load JS (${scripts.length} files, gzip)`,
    value: gzipped / 1024,
    unit: 'KB',
  });
  figures.push(...consoleFigures());
  return figures;
}

/** The desk console (apps/console): first load and each lazy route, gzip, from Vite's manifest. */
function consoleFigures(): Figure[] {
  const sizes = JSON.parse(execFileSync('node', [CONSOLE_SIZES, '--json'], { encoding: 'utf8' })) as {
    firstLoadGzipBytes: number;
    landingGzipBytes: number;
    routes: Array<{ route: string; gzipBytes: number }>;
  };
  const group = 'desk console size (gzip)';
  const budget = (kb: number) => ({ label: 'of 400 KB budget', value: kb / CONSOLE_BUDGET_KB });
  const first = sizes.firstLoadGzipBytes / 1024;
  const landing = sizes.landingGzipBytes / 1024;
  return [
    { group, name: 'console first load (entry)', value: first, unit: 'KB', ratio: budget(first) },
    { group, name: 'console first screen (entry + orders)', value: landing, unit: 'KB', ratio: budget(landing) },
    ...sizes.routes.map((route) => ({
      group,
      name: `console lazy ${route.route}`,
      value: route.gzipBytes / 1024,
      unit: 'KB',
    })),
  ];
}
