// Sizes of the mini-program's packages after `taro build --type weapp`, against WeChat's cap of 2 MB per
// package (main package and each subpackage) and our own tighter budgets for some. Exits non-zero when a
// package is over either, so an oversize build fails here rather than at upload time.
//   node scripts/package-sizes.mjs [dist/weapp]
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CAP_KB = 2048;
// The merchant pages open on a phone over a mobile network: their package stays small, and the dashboard's
// chart library lives in its own subpackage (merchant-dashboard) loaded only when the dashboard opens.
const BUDGET_KB = { merchant: 300 };
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '..', 'dist', 'weapp'));

// Files the developer tools keep out of the uploaded package.
const NOT_UPLOADED = [/\.map$/, /^project(\.private)?\.config\.json$/];

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

let appJson;
try {
  appJson = JSON.parse(await readFile(join(root, 'app.json'), 'utf8'));
} catch (error) {
  console.error(`package-sizes: cannot read ${join(root, 'app.json')} (run the weapp build first): ${error.message}`);
  process.exit(1);
}

const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));
const sizes = new Map([['main', 0], ...subRoots.map((subRoot) => [subRoot, 0])]);
const fileCounts = new Map([...sizes.keys()].map((key) => [key, 0]));

for await (const file of walk(root)) {
  const rel = relative(root, file).split(sep).join('/');
  if (NOT_UPLOADED.some((pattern) => pattern.test(rel))) continue;
  const owner = subRoots.find((subRoot) => rel === subRoot || rel.startsWith(`${subRoot}/`)) ?? 'main';
  sizes.set(owner, sizes.get(owner) + (await stat(file)).size);
  fileCounts.set(owner, fileCounts.get(owner) + 1);
}

const rows = [...sizes].map(([name, bytes]) => {
  const kb = bytes / 1024;
  return {
    package: name,
    files: fileCounts.get(name),
    sizeKb: kb.toFixed(1),
    capKb: BUDGET_KB[name] ?? CAP_KB,
    used: `${((kb / (BUDGET_KB[name] ?? CAP_KB)) * 100).toFixed(1)}%`,
    status: kb > (BUDGET_KB[name] ?? CAP_KB) ? 'OVER' : 'ok',
  };
});
const totalKb = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0) / 1024;

const columns = ['package', 'files', 'sizeKb', 'capKb', 'used', 'status'];
const headers = {
  package: 'package',
  files: 'files',
  sizeKb: 'size KB',
  capKb: 'cap KB',
  used: 'used',
  status: 'status',
};
const widths = columns.map((column) =>
  Math.max(headers[column].length, ...rows.map((row) => String(row[column]).length)),
);
const line = (cells) =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');

console.log(`\nWeChat package sizes (${relative(process.cwd(), root) || '.'}):`);
console.log(line(columns.map((column) => headers[column])));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of rows) console.log(line(columns.map((column) => row[column])));
console.log(`total ${totalKb.toFixed(1)} KB (WeChat allows 30720 KB for all packages together)\n`);

const over = rows.filter((row) => row.status === 'OVER');
if (over.length > 0) {
  console.error(`package-sizes: over the cap: ${over.map((row) => `${row.package} (${row.capKb} KB)`).join(', ')}`);
  process.exit(1);
}
