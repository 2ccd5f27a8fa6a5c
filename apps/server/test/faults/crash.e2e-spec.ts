import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CallbackSender, type CallbackDelivery } from '@banshi/vendor-clients';
import { DOCLOUD_CALLBACK_ACK } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { installPiiCipher, PiiCipher } from '../../src/common/crypto/pii-cipher.js';
import type { VendorSettings } from '../../src/config/app-config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import type { RunningSimulator } from '@banshi/vendor-clients';
import { SANDBOX_SIMULATORS } from '../../src/sandbox/sandbox-simulators.js';
import { orderCallback, seedCreatedOrders } from './docloud-storm-kit.js';

/**
 * The built server as a child process in live mode, its vendors simulated in this process. A storm
 * of Docloud order callbacks (sent the way Docloud sends them, retrying until acknowledged) is under
 * way when the server is killed with SIGKILL; it is started again. Every callback acknowledged
 * before the kill must be stored and applied, and the retries of the others must complete the picture.
 */
const here = dirname(fileURLToPath(import.meta.url));
const MAIN = resolve(here, '../../dist/main.js');
const ORDERS = 300;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The env vars that point the server at a vendor (the names `loadConfig` reads). */
function vendorEnv(settings: Partial<VendorSettings>): Record<string, string> {
  const env: Record<string, string> = {};
  const put = (name: string, value: unknown) => {
    if (value !== undefined && value !== null) env[name] = String(value);
  };
  const { wechat, zjz, yundou, zhima, docloud } = settings as Record<string, Record<string, unknown> | undefined>;
  if (wechat) {
    put('WECHAT_API_BASE', wechat.baseUrl);
    put('WECHAT_APP_ID', wechat.appId);
    put('WECHAT_APP_SECRET', wechat.appSecret);
  }
  if (zjz) {
    put('ZJZ_API_BASE', zjz.baseUrl);
    put('ZJZ_API_KEY', zjz.apiKey);
  }
  if (yundou) {
    put('YUNDOU_API_BASE', yundou.baseUrl);
    put('YUNDOU_COMPANY_ID', yundou.companyId);
    put('YUNDOU_API_KEY', yundou.apiKey);
  }
  if (zhima) {
    put('ALIPAY_GATEWAY', zhima.gateway);
    put('ALIPAY_APP_ID', zhima.appId);
    put('ALIPAY_PRIVATE_KEY', zhima.privateKey);
    put('ALIPAY_PUBLIC_KEY', zhima.alipayPublicKey);
    put('ZHIMA_PRODUCT_CODE', zhima.productCode);
    put('ZHIMA_LINKED_MERCHANT_ID', zhima.linkedMerchantId);
  }
  if (docloud) {
    put('DOCLOUD_API_BASE', docloud.baseUrl);
    put('DOCLOUD_APP_KEY', docloud.appKey);
    put('DOCLOUD_APP_SECRET', docloud.appSecret);
    put('DOCLOUD_PAYMENT_MODE', docloud.paymentMode);
  }
  return env;
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

describe('crash in the middle of a callback storm (sqlite file, live mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-crash-'));
  const simulators: RunningSimulator[] = [];
  let child: ChildProcess | undefined;
  let dataSource: DataSource | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    await dataSource?.destroy();
    await Promise.all(simulators.map((sim) => sim.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged callback and completes the rest from the vendor’s retries', async () => {
    if (!existsSync(MAIN))
      throw new Error(`${MAIN} is missing: build the server first (pnpm --filter @banshi/server run build)`);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const settings: Partial<VendorSettings> = {};
    for (const definition of SANDBOX_SIMULATORS) {
      const started = await definition.start({ publicBaseUrl: () => baseUrl });
      simulators.push(started.simulator);
      (settings as Record<string, unknown>)[definition.vendor] = started.settings;
    }
    const piiKey = randomBytes(32).toString('base64');
    const databaseUrl = `sqlite:${join(dataDir, 'crash.sqlite')}`;
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      LOG_LEVEL: 'error',
      VENDOR_MODE: 'live',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PII_ENCRYPTION_KEY: piiKey,
      ...vendorEnv(settings),
    };
    const log: string[] = [];
    const start = async () => {
      const proc = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      proc.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
      proc.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
      child = proc;
      await waitUntilUp(baseUrl, proc, log);
      return proc;
    };

    await start();
    installPiiCipher(new PiiCipher(piiKey));
    dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: false, synchronize: false });
    await dataSource.initialize();
    const docloud = settings.docloud as { appKey: string; appSecret: string };
    const ids = await seedCreatedOrders(dataSource, 'CR', ORDERS);

    // Docloud's own delivery: retry until `{"success": true}`, here with short waits.
    const sender = new CallbackSender({
      vendor: 'docloud',
      isAcknowledged: (status, text) =>
        status === 200 && text.replace(/\s/g, '') === JSON.stringify(DOCLOUD_CALLBACK_ACK),
      retryDelaysMs: [300, 600, 1000, 1500, 2000, 3000, 3000, 5000, 5000, 8000],
      timeoutMs: 5000,
    });
    const deliveries: { key: string; delivery: CallbackDelivery }[] = [];
    ids.forEach((id, i) => {
      for (const [step, status] of [2, 3].entries()) {
        const callback = orderCallback(docloud, id, status);
        deliveries.push({
          key: `docloud:order:${id}:${status}`,
          delivery: sender.send({
            url: `${baseUrl}${callback.path}`,
            body: callback.body,
            contentType: 'application/json',
            delayMs: i * 8 + step * 12_000,
          }),
        });
      }
    });

    // Kill it while the storm is on: some callbacks are in, some in flight, most still to come.
    await new Promise((done) => setTimeout(done, 1200));
    child?.kill('SIGKILL');
    await new Promise((done) => child?.once('exit', done));
    const ackedBeforeKill = deliveries.filter((d) => d.delivery.acknowledged).map((d) => d.key);
    await new Promise((done) => setTimeout(done, 800));
    await start();

    // Everything acknowledged before the crash is there, applied.
    const storedApplied = async (keys: string[]) => {
      if (keys.length === 0) return 0;
      const rows = (await dataSource!.query(
        `SELECT COUNT(*) AS n FROM vendor_events WHERE status = 'applied' AND dedupe_key IN (${keys.map(() => '?').join(',')})`,
        keys,
      )) as { n: number }[];
      return Number(rows[0].n);
    };
    const survivedCrash = await storedApplied(ackedBeforeKill);

    await sender.idle();
    const acknowledged = deliveries.filter((d) => d.delivery.acknowledged).length;
    const retried = deliveries.filter((d) => d.delivery.attempts > 1).length;
    const events = (await dataSource.query(
      `SELECT status, COUNT(*) AS n FROM vendor_events WHERE vendor = 'docloud' GROUP BY status`,
    )) as { status: string; n: number }[];
    const byStatus = Object.fromEntries(events.map((e) => [e.status, Number(e.n)]));
    const finals = (await dataSource.query(
      `SELECT status, COUNT(*) AS n FROM orders WHERE order_no LIKE 'STCR%' GROUP BY status`,
    )) as { status: string; n: number }[];
    const marks = (await dataSource.query(
      `SELECT e.type, COUNT(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE o.order_no LIKE 'STCR%' GROUP BY e.type`,
    )) as { type: string; n: number }[];
    const marksOf = Object.fromEntries(marks.map((m) => [m.type, Number(m.n)]));
    console.warn(
      `crash: ${deliveries.length} callbacks; ${ackedBeforeKill.length} acknowledged before SIGKILL, ${survivedCrash} of them found applied after restart; ${retried} needed retries; finally ${acknowledged} acknowledged, vendor_events ${JSON.stringify(byStatus)}, orders ${JSON.stringify(finals)}, timeline ${JSON.stringify(marksOf)}`,
    );

    expect(ackedBeforeKill.length).toBeGreaterThan(0);
    expect(ackedBeforeKill.length).toBeLessThan(deliveries.length);
    expect(survivedCrash).toBe(ackedBeforeKill.length);
    expect(acknowledged).toBe(deliveries.length);
    expect(byStatus.applied).toBe(deliveries.length);
    expect(byStatus.rejected ?? 0).toBe(0);
    expect(finals.map((f) => [f.status, Number(f.n)])).toEqual([['completed', ORDERS]]);
    // Each callback left one mark per order: paid then done, or (a paid retried past its done) done
    // and the late paid ignored as stale. Never twice, never lost.
    expect((marksOf.status_changed ?? 0) + (marksOf.ignored_stale ?? 0)).toBe(2 * ORDERS);
    expect(marksOf.status_changed).toBeGreaterThanOrEqual(ORDERS);
    expect(Object.keys(marksOf).sort()).toEqual(
      marksOf.ignored_stale ? ['ignored_stale', 'status_changed'] : ['status_changed'],
    );
  }, 240_000);
});
