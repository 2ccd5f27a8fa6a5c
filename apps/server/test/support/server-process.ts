import { spawn, type ChildProcess } from 'node:child_process';
import { KeyObject, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningSimulator } from '@banshi/vendor-simulators';
import type { VendorSettings } from '../../src/config/app-config.js';
import { SANDBOX_SIMULATORS } from '../../src/sandbox/sandbox-simulators.js';

/**
 * The built server (`dist/main.js`) as a child process, the way it runs in production: live mode,
 * its vendors simulated in the test process (so that a test can count what every instance asked
 * of them, and kill an instance without killing its vendors).
 */
const here = dirname(fileURLToPath(import.meta.url));
export const SERVER_MAIN = resolve(here, '../../dist/main.js');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface SimulatedVendors {
  simulators: RunningSimulator[];
  settings: Partial<VendorSettings>;
  close(): Promise<void>;
}

/** Every vendor's simulator, in this process; their callbacks and file links point at `publicBaseUrl`. */
export async function startVendors(publicBaseUrl: string): Promise<SimulatedVendors> {
  const simulators: RunningSimulator[] = [];
  const settings: Partial<VendorSettings> = {};
  for (const definition of SANDBOX_SIMULATORS) {
    const started = await definition.start({ publicBaseUrl: () => publicBaseUrl });
    simulators.push(started.simulator);
    (settings as Record<string, unknown>)[definition.vendor] = started.settings;
  }
  return { simulators, settings, close: async () => void (await Promise.all(simulators.map((s) => s.close()))) };
}

/** The environment of a live-mode server on `databaseUrl` whose vendors are `vendors`. */
export function liveServerEnv(options: {
  port: number;
  publicBaseUrl: string;
  databaseUrl: string;
  dataDir: string;
  vendors: SimulatedVendors;
  /** Instances that share a database share these too. */
  secrets?: { jwt: string; pii: string };
}): NodeJS.ProcessEnv {
  const secrets = options.secrets ?? newSecrets();
  return {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '',
    LOG_LEVEL: 'error',
    VENDOR_MODE: 'live',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: options.publicBaseUrl,
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    JWT_SECRET: secrets.jwt,
    PII_ENCRYPTION_KEY: secrets.pii,
    ...vendorEnv(options.vendors.settings),
  };
}

export function newSecrets(): { jwt: string; pii: string } {
  return { jwt: randomBytes(32).toString('hex'), pii: randomBytes(32).toString('base64') };
}

/** A user signed in over HTTP with a WeChat login code, as the miniapp does: their token. */
export async function login(baseUrl: string, code: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`login: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** What it printed, for the failure message. */
  log: string[];
}

/**
 * Starts `dist/main.js` with `env` (in `cwd`, by default the test's) and waits for `/api/health`.
 * `on` runs it on another host of a multi-host test (a command prefix and the address it answers at).
 * `main` is another build of it (the callbacks bench runs the one `tsconfig.bench.json` compiles),
 * `nodeArgs` options for node itself (`--cpu-prof`, which NODE_OPTIONS does not take).
 */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  cwd?: string,
  on?: { exec: string[]; address: string },
  main = SERVER_MAIN,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: build the server first (pnpm --filter @banshi/server run build)`);
  }
  const baseUrl = `http://${on?.address ?? '127.0.0.1'}:${env.PORT}`;
  const log: string[] = [];
  const [command, ...args] = [...(on?.exec ?? []), process.execPath, ...nodeArgs, main];
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  await waitUntilUp(baseUrl, child, log);
  return { baseUrl, child, log };
}

/** SIGKILL, and wait until it is gone. */
export async function killServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGKILL');
  await exited;
}

async function waitUntilUp(baseUrl: string, child: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${log.join('').slice(-2000)}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`server did not come up: ${log.join('').slice(-2000)}`);
}

/** Each vendor setting and the env var `loadConfig` reads it from (the inverse of its mapping). */
const VENDOR_ENV: Record<string, Record<string, string>> = {
  wechat: {
    baseUrl: 'WECHAT_API_BASE',
    appId: 'WECHAT_APP_ID',
    appSecret: 'WECHAT_APP_SECRET',
    pushToken: 'WECHAT_PUSH_TOKEN',
    pushAesKey: 'WECHAT_PUSH_AES_KEY',
  },
  zjz: { baseUrl: 'ZJZ_API_BASE', apiKey: 'ZJZ_API_KEY' },
  yundou: { baseUrl: 'YUNDOU_API_BASE', companyId: 'YUNDOU_COMPANY_ID', apiKey: 'YUNDOU_API_KEY' },
  zhima: {
    gateway: 'ALIPAY_GATEWAY',
    appId: 'ALIPAY_APP_ID',
    privateKey: 'ALIPAY_PRIVATE_KEY',
    alipayPublicKey: 'ALIPAY_PUBLIC_KEY',
    productCode: 'ZHIMA_PRODUCT_CODE',
    linkedMerchantId: 'ZHIMA_LINKED_MERCHANT_ID',
  },
  docloud: {
    baseUrl: 'DOCLOUD_API_BASE',
    appKey: 'DOCLOUD_APP_KEY',
    appSecret: 'DOCLOUD_APP_SECRET',
    paymentMode: 'DOCLOUD_PAYMENT_MODE',
  },
  wechatpay: {
    baseUrl: 'WECHATPAY_API_BASE',
    mchid: 'WECHATPAY_MCHID',
    merchantPrivateKey: 'WECHATPAY_MERCHANT_PRIVATE_KEY',
    merchantSerialNo: 'WECHATPAY_MERCHANT_SERIAL_NO',
    platformPublicKey: 'WECHATPAY_PUBLIC_KEY',
    platformPublicKeyId: 'WECHATPAY_PUBLIC_KEY_ID',
    apiV3Key: 'WECHATPAY_API_V3_KEY',
  },
};

/** A setting as an env var holds it: keys (WeChat Pay's sandbox merchant key) as PEM. */
function envValue(value: unknown): string {
  if (value instanceof KeyObject) {
    const pem =
      value.type === 'private'
        ? value.export({ type: 'pkcs8', format: 'pem' })
        : value.export({ type: 'spki', format: 'pem' });
    return pem.toString();
  }
  return String(value);
}

/** The env vars that point the server at the simulated vendors. */
function vendorEnv(settings: Partial<VendorSettings>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [vendor, names] of Object.entries(VENDOR_ENV)) {
    const values = (settings as Record<string, Record<string, unknown> | undefined>)[vendor];
    for (const [key, name] of Object.entries(names)) {
      const value = values?.[key];
      if (value !== undefined && value !== null) env[name] = envValue(value);
    }
  }
  return env;
}
