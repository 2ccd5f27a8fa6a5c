import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createConnection } from 'mysql2/promise';
import { createApp, listen } from '../src/app.factory.js';
import { loadConfig, type AppConfig } from '../src/config/app-config.js';

export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** Optional comparison, printed beside the value. */
  ratio?: { label: string; value: number };
}

export interface Timing {
  p50: number;
  p99: number;
  mean: number;
}

export function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length };
}

/** Runs `work` `count` times in sequence after `warmup` runs and answers its latency percentiles (ms). */
export async function time(count: number, work: () => Promise<unknown>, warmup = 10): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentiles(samples);
}

export const BENCH_MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/banshi_bench';

export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/';
  const connection = await createConnection({ uri: server.toString() });
  await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
}

/** The real server on the bench database, listening on a free port, sandbox vendors, quiet logs. */
export async function startBenchServer(
  env: Record<string, string> = {},
): Promise<{ app: NestExpressApplication; baseUrl: string; config: AppConfig }> {
  await ensureDatabase(BENCH_MYSQL_URL);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: BENCH_MYSQL_URL,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'banshi-bench-')),
    VENDOR_MODE: 'sandbox',
    ...env,
  });
  const app = await createApp(config);
  const baseUrl = await listen(app, config);
  return { app, baseUrl, config };
}
