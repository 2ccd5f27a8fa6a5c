import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocloudCredentials } from '../src/vehicles/callbacks/docloud-credentials.js';
import { startNginx, type RunningNginx } from '../test/support/hosts/nginx.js';
import { freePort, liveServerEnv, startServerProcess, type SimulatedVendors } from '../test/support/server-process.js';
import { BENCH_MYSQL_URL } from './support.js';

/**
 * The processes a callback run is sent to: our built server, or one of the two bare baselines
 * (`callbacks-bare-main.ts`), one process per instance, on loopback ports. Two or more instances
 * stand behind nginx with the configuration the README's "running several instances" shows (the
 * multi-host test's `startNginx`), so ours and the baselines are compared through the same proxy.
 */
export type Handler = 'ours' | 'insert' | 'transaction';

export interface Fleet {
  /** Where the load goes: the one instance, or nginx in front of them. */
  url: string;
  /** Stops every process (SIGTERM, so that a `--cpu-prof` server writes its profile) and nginx. */
  close(): Promise<void>;
}

/** What every fleet of a bench run shares: the vendors our server calls, its secrets, one data directory. */
export interface FleetSetup {
  vendors: SimulatedVendors;
  secrets: { jwt: string; pii: string };
  credentials: DocloudCredentials;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The server as `tsconfig.bench.json` compiles it next to the bench (`dist-bench/src/main.js`). */
const SERVER_MAIN = resolve(here, '../src/main.js');
const BARE_MAIN = resolve(here, 'callbacks-bare-main.js');
const LOOPBACK = { name: 'lb', address: '127.0.0.1', exec: [] };

export async function startFleet(handler: Handler, instances: number, setup: FleetSetup): Promise<Fleet> {
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const lbPort = instances > 1 ? await freePort() : undefined;
  const publicBaseUrl = `http://127.0.0.1:${lbPort ?? ports[0]}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-bench-'));
  const children: ChildProcess[] = [];
  let nginx: RunningNginx | undefined;
  const close = async () => {
    await nginx?.close();
    await Promise.all(children.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // One after the other, as a deployment starts them (and each checks the migrations on start).
    for (const port of ports) {
      children.push(
        handler === 'ours'
          ? await startOurs(port, publicBaseUrl, dataDir, setup)
          : await startBare(handler, port, setup.credentials),
      );
    }
    if (lbPort) {
      nginx = await startNginx(
        LOOPBACK,
        lbPort,
        ports.map((port) => `127.0.0.1:${port}`),
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { url: nginx?.baseUrl ?? publicBaseUrl, close };
}

async function startOurs(port: number, publicBaseUrl: string, dataDir: string, setup: FleetSetup) {
  const env = {
    ...liveServerEnv({
      port,
      publicBaseUrl,
      databaseUrl: BENCH_MYSQL_URL,
      dataDir,
      vendors: setup.vendors,
      secrets: setup.secrets,
    }),
    TRUST_PROXY: 'loopback',
    SHUTDOWN_DRAIN_DELAY_MS: '0',
  };
  const server = await startServerProcess(env, undefined, undefined, SERVER_MAIN, nodeArgs());
  return server.child;
}

async function startBare(handler: Handler, port: number, credentials: DocloudCredentials): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs(), BARE_MAIN, handler, String(port)], {
    env: {
      ...process.env,
      BENCH_MYSQL_URL,
      BENCH_DOCLOUD_KEY: credentials.appKey,
      BENCH_DOCLOUD_SECRET: credentials.appSecret,
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    child.stdout?.once('data', () => ready());
    child.once('exit', (code) => fail(new Error(`the bare ${handler} handler exited with ${code}`)));
  });
  return child;
}

/** e.g. `--cpu-prof --cpu-prof-dir=/tmp/cbprof` to profile every process (written when it stops). */
function nodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/** SIGTERM, then SIGKILL if it has not gone within 20 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
