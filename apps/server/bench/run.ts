import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCallbacks } from './callbacks.bench.js';
import { benchImages } from './images.bench.js';
import { benchMerchantList } from './merchant-list.bench.js';
import { benchPackages } from './packages.bench.js';
import { benchPayments } from './payments.bench.js';
import { benchViolations } from './violations.bench.js';
import type { Figure } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, '../../../../.artifacts/bench');

/** Benchmarks print figures and ratios; they assert nothing (a slow machine is not a failed test). */
const BENCHES: Record<string, () => Promise<Figure[]>> = {
  packages: benchPackages,
  images: benchImages,
  'merchant-list': benchMerchantList,
  callbacks: benchCallbacks,
  violations: benchViolations,
  payments: benchPayments,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const figures: Figure[] = [];
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`running ${name}…`);
    figures.push(...(await bench()));
  }
  printTable(figures);
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
  writeFileSync(resolve(OUT, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
  console.log(`\nwritten to ${file}`);
  process.exit(0);
}

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    `${f.value.toFixed(f.value >= 100 ? 0 : 2)} ${f.unit}`,
    f.ratio ? `${f.ratio.value.toFixed(2)}× ${f.ratio.label}` : '',
  ]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((row) => [...row[i]].length), ['group', 'figure', 'value', 'ratio'][i].length),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ');
  console.log(`\n${line(['group', 'figure', 'value', 'ratio'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
