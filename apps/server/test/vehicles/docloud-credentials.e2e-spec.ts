import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  killServerProcess,
  liveServerEnv,
  startServerProcess,
  startVendors,
  type ServerProcess,
  type SimulatedVendors,
} from '../support/server-process.js';

/**
 * Live mode checks its Docloud credential with 《签名验证接口》 `/sign/test` at start-up and in the
 * readiness answer: the built server, in live mode, against the Docloud simulator (which verifies
 * signatures as Docloud does). A wrong secret keeps the instance out of the load balancer's pool.
 */
interface Ready {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string }>;
}

async function readiness(server: ServerProcess): Promise<{ status: number; body: Ready }> {
  const response = await fetch(`${server.baseUrl}/api/health/ready`);
  return { status: response.status, body: (await response.json()) as Ready };
}

/** The start-up check is not awaited: wait until the instance has logged its outcome. */
async function loggedCheck(server: ServerProcess): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const line = server.log.join('').match(/Docloud credential check [^\n]*/)?.[0];
    if (line) return line;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no credential check in the log: ${server.log.join('').slice(-1500)}`);
}

describe('Docloud credential check in live mode (/sign/test)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-credentials-'));
  let vendors: SimulatedVendors;
  const servers: ServerProcess[] = [];

  async function start(docloudSecret?: string): Promise<ServerProcess> {
    const port = await freePort();
    const env = liveServerEnv({
      port,
      publicBaseUrl: `http://127.0.0.1:${port}`,
      databaseUrl: `sqlite:${join(dataDir, `banshi-${port}.sqlite`)}`,
      dataDir,
      vendors,
    });
    const server = await startServerProcess({
      ...env,
      LOG_LEVEL: 'info',
      ...(docloudSecret ? { DOCLOUD_APP_SECRET: docloudSecret } : {}),
    });
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    vendors = await startVendors('http://127.0.0.1:1');
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => killServerProcess(server)));
    await vendors?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the right secret: the check passes at start-up and the instance is ready', async () => {
    const server = await start();
    expect(await loggedCheck(server)).toContain('passed');
    const answer = await readiness(server);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ready: true, checks: { 'docloud-credentials': { ok: true } } });
  }, 90_000);

  it('a wrong secret: logged at start-up with what to fix, and readiness is 503 while liveness stays 200', async () => {
    const server = await start('not-the-secret-docloud-gave-us');
    const line = await loggedCheck(server);
    expect(line).toContain('failed');
    expect(line).toContain('1005');
    expect(line).toContain('DOCLOUD_APP_SECRET');
    const answer = await readiness(server);
    expect(answer.status).toBe(503);
    expect(answer.body.ready).toBe(false);
    expect(answer.body.checks['docloud-credentials']).toMatchObject({ ok: false });
    expect(answer.body.checks['docloud-credentials'].error).toContain('DOCLOUD_APP_SECRET');
    expect((await fetch(`${server.baseUrl}/api/health/live`)).status).toBe(200);
    // The full health answer reports it too (degraded, not down: the other errands still work).
    const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { status: string };
    expect(health.status).toBe('degraded');
  }, 90_000);
});
