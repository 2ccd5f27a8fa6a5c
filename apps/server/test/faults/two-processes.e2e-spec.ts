import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import type { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases.js';
import {
  freePort,
  killServerProcess,
  liveServerEnv,
  login,
  newSecrets,
  startServerProcess,
  startVendors,
  type ServerProcess,
  type SimulatedVendors,
} from '../support/server-process.js';
import { ENGINE_NO, VIN } from '../vehicles/support.js';

/**
 * Two built servers as two processes on one MariaDB, as two instances behind a load balancer, with
 * one set of vendors (simulated here, so that what both instances ask of them is counted in one
 * place). During 100 concurrent queries of one car, spread over both, the vendor is asked once.
 * (The storm of every vendor's callbacks over several instances, through nginx and with a restart,
 * is `multi-host.e2e-spec.ts`.)
 * (SQLite is the single-instance development database: two processes on one file are not a setup.)
 */
const QUERIES = 100;
const QUERY_PATH = '/violation/query/1.0';
const onMysql = testDatabases().includes('mysql') ? describe : describe.skip;

onMysql('two server processes on one MariaDB', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-two-'));
  let database: TestDatabase;
  let vendors: SimulatedVendors;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('mysql', dataDir);
    const ports = [await freePort(), await freePort()];
    vendors = await startVendors(`http://127.0.0.1:${ports[0]}`);
    const secrets = newSecrets();
    const envOf = (port: number) =>
      liveServerEnv({
        port,
        publicBaseUrl: `http://127.0.0.1:${port}`,
        databaseUrl: database.url,
        dataDir,
        vendors,
        secrets,
      });
    // One after the other: the first one runs the migrations.
    for (const port of ports) servers.push(await startServerProcess(envOf(port)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => killServerProcess(server)));
    servers = [];
    await vendors?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const vendor = <T>(name: string) => vendors.simulators.find((sim) => sim.vendor === name) as T;

  it('makes one vendor call for 100 concurrent queries of one car spread over both', async () => {
    const docloud = vendor<DocloudSimulator>('docloud');
    docloud.timings.queryLatencyMs = 200;
    const [first, second] = servers.map((server) => server.baseUrl);
    const token = await login(first, vendor<WechatSimulator>('wechat').mintLoginCode('two-processes'));
    const car = await post<{ id: number }>(first, '/api/vehicles/cars', token, {
      plateNumber: '浙A77323',
      vin: VIN,
      engineNo: ENGINE_NO,
      phone: '13900007323',
      consent: true,
    });
    const before = docloud.host.callsTo(QUERY_PATH);

    const answers = await Promise.all(
      Array.from({ length: QUERIES }, (_, i) =>
        fetch(`${i % 2 === 0 ? first : second}/api/vehicles/cars/${car.body.id}/violations/query`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        }).then(async (response) => ({
          status: response.status,
          items: ((await response.json()) as { items?: unknown[] }).items?.length,
        })),
      ),
    );
    const calls = docloud.host.callsTo(QUERY_PATH) - before;
    console.warn(
      `two processes, violation queries: ${QUERIES} queries over 2 processes → ${answers.filter((a) => a.status === 200).length} answered 200, ${calls} vendor call(s)`,
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(QUERIES).fill(200));
    expect(calls).toBe(1);
    expect(new Set(answers.map((answer) => answer.items)).size).toBe(1);
  }, 120_000);
});

async function post<T>(
  baseUrl: string,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as T;
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}
