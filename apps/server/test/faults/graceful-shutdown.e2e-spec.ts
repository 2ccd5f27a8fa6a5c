import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import type { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { ENTITIES } from '../../src/entities.js';
import {
  freePort,
  killServerProcess,
  liveServerEnv,
  login,
  startServerProcess,
  startVendors,
  type ServerProcess,
  type SimulatedVendors,
} from '../support/server-process.js';
import { ENGINE_NO, VIN } from '../vehicles/support.js';

/**
 * The built server as a process gets SIGTERM while a request is in flight (a violation query whose
 * vendor takes 2.5 s): readiness turns 503 at once while liveness stays 200, a new request is
 * answered the documented 503 (`DRAINING`, `Retry-After`), the request in flight is answered 200,
 * and the process exits 0 having released its leases.
 */
const QUERY_PATH = '/violation/query/1.0';

describe('graceful shutdown of a server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-drain-'));
  const databaseUrl = `sqlite:${join(dataDir, 'banshi.sqlite')}`;
  let vendors: SimulatedVendors;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    vendors = await startVendors(base);
    const env = liveServerEnv({ port, publicBaseUrl: base, databaseUrl, dataDir, vendors });
    server = await startServerProcess({ ...env, SHUTDOWN_DRAIN_DELAY_MS: '1500', SHUTDOWN_GRACE_MS: '20000' });
  }, 90_000);

  afterAll(async () => {
    await killServerProcess(server);
    await vendors?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drains: 503 to new requests, the one in flight answered, leases released, exit 0', async () => {
    const base = (server as ServerProcess).baseUrl;
    const docloud = vendors.simulators.find((sim) => sim.vendor === 'docloud') as DocloudSimulator;
    const wechat = vendors.simulators.find((sim) => sim.vendor === 'wechat') as WechatSimulator;
    const token = await login(base, wechat.mintLoginCode('drain'));
    const car = await call(base, 'POST', '/api/vehicles/cars', token, {
      plateNumber: '浙A77324',
      vin: VIN,
      engineNo: ENGINE_NO,
      phone: '13900007324',
      consent: true,
    });
    expect(car.status).toBe(201);
    expect((await call(base, 'GET', '/api/health/ready')).status).toBe(200);

    docloud.timings.queryLatencyMs = 2500;
    const calls = docloud.host.callsTo(QUERY_PATH);
    const inFlight = call(
      base,
      'POST',
      `/api/vehicles/cars/${(car.body as { id: number }).id}/violations/query`,
      token,
    );
    await until(() => docloud.host.callsTo(QUERY_PATH) > calls, 'the query to reach the vendor');
    const exited = new Promise<number | null>((done) => server?.child.once('exit', (code) => done(code)));
    server?.child.kill('SIGTERM');

    const ready = await until(async () => {
      const answer = await call(base, 'GET', '/api/health/ready');
      return answer.status === 503 ? answer : undefined;
    }, 'readiness to turn 503');
    expect(ready.body).toMatchObject({ ready: false, draining: true, database: { ok: true } });
    expect((await call(base, 'GET', '/api/health/live')).status).toBe(200);
    const refused = await call(base, 'GET', '/api/vehicles/cars', token);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'DRAINING', message: '服务正在重启，请稍后重试' });
    expect(refused.headers.get('retry-after')).toBe('1');

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(await exited).toBe(0);
    console.warn(`graceful shutdown: in-flight query answered ${answered.status}, new request ${refused.status}`);

    const dataSource = await new DataSource({
      ...dataSourceOptions(databaseUrl, ENTITIES),
      migrationsRun: false,
    }).initialize();
    const leases = (await dataSource.query('SELECT name, holder FROM leases')) as unknown[];
    await dataSource.destroy();
    expect(leases).toEqual([]);
  }, 60_000);
});

async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
