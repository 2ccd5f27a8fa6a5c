import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  freePort,
  killServerProcess,
  liveServerEnv,
  newSecrets,
  startServerProcess,
  startVendors,
  type ServerProcess,
  type SimulatedVendors,
} from '../support/server-process.js';

/**
 * Throttling runs in the built server (`@nestjs/throttler` cannot load inside Jest on Node 20, see
 * throttling.module.ts): two processes on one database, counting in Redis (REDIS_URL, default
 * 127.0.0.1:6379 as on the development machines and CI) or each in its own memory.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Redis answers a PING: the Redis suite runs; without one it is skipped with a notice, except in CI. */
async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(2000);
    socket.once('connect', () => socket.write('PING\r\n'));
    const settle = (answer: boolean) => {
      resolve(answer);
      socket.destroy();
    };
    socket.once('data', (data) => settle(data.toString().startsWith('+PONG')));
    socket.once('timeout', () => settle(false));
    socket.once('error', () => settle(false));
  });
}

const withRedis = (await redisAnswers(REDIS_URL)) || process.env.CI ? describe : describe.skip;
if (withRedis === describe.skip) console.warn(`[throttling] no Redis at ${REDIS_URL}: the Redis suite is skipped`);
const IP_LIMIT = 10;
const USER_LIMIT = 4;

/** Requests come through a proxy on loopback (trusted): each test is its own client address. */
const from = (address: string) => ({ 'x-forwarded-for': address });

/** Cheap anonymous request: refused by validation (400) until the address is throttled (429). */
async function anonymous(baseUrl: string, address: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from(address) },
    body: '{}',
  });
  return response.status;
}

async function asUser(baseUrl: string, token: string, address: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/me`, {
    headers: { authorization: `Bearer ${token}`, ...from(address) },
  });
  return response.status;
}

/** A forged Docloud callback: rejected (4xx) by its signature check, never by throttling. */
async function callback(baseUrl: string, address: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/callbacks/docloud/order?app_key=x&timestamp=1&sign=forged`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from(address) },
    body: '{"success":true,"data":{"orderId":"T1","orderStatus":2}}',
  });
  return response.status;
}

/** Two built servers on one SQLite database, started one after the other (the first migrates). */
function twoInstances(env: () => Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-throttle-'));
  const secrets = newSecrets();
  const state = { urls: [] as string[], secrets };
  let database: TestDatabase;
  let vendors: SimulatedVendors;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', dataDir);
    vendors = await startVendors('http://127.0.0.1:1');
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const server = await startServerProcess({
        ...liveServerEnv({
          port,
          publicBaseUrl: `http://127.0.0.1:${port}`,
          databaseUrl: database.url,
          dataDir,
          vendors,
          secrets,
        }),
        THROTTLE_IP_PER_MINUTE: String(IP_LIMIT),
        THROTTLE_USER_PER_MINUTE: String(USER_LIMIT),
        ...env(),
      });
      servers.push(server);
      state.urls.push(server.baseUrl);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => killServerProcess(server)));
    await vendors?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return state;
}

withRedis('request throttling with Redis (two built servers)', () => {
  // A key prefix of its own: every run on this machine shares the Redis server.
  const prefix = `test:${randomUUID()}:`;
  const instances = twoInstances(() => ({ REDIS_URL, REDIS_KEY_PREFIX: prefix }));

  it('two instances count one address together, and never throttle vendor callbacks', async () => {
    const [a, b] = instances.urls;
    const statuses: number[] = [];
    for (let i = 0; i < IP_LIMIT + 2; i++) statuses.push(await anonymous(i % 2 === 0 ? a : b, '198.51.100.1'));
    expect(statuses.slice(0, IP_LIMIT).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(IP_LIMIT)).toEqual([429, 429]);
    const refused = await fetch(`${a}/api/auth/wechat`, { method: 'POST', headers: from('198.51.100.1'), body: '{}' });
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryable: true });
    // Another address is not affected.
    expect(await anonymous(b, '198.51.100.2')).toBe(400);

    // Vendors retry in bursts from few addresses: 3× the limit from one, not one 429.
    const callbacks = await Promise.all(
      Array.from({ length: IP_LIMIT * 3 }, (_, i) => callback(i % 2 ? a : b, '198.51.100.3')),
    );
    expect(callbacks.filter((status) => status === 429)).toHaveLength(0);
    expect(callbacks.every((status) => status >= 400 && status < 500)).toBe(true);
  }, 60_000);

  it('a signed-in user is limited across instances, from any address, while another user is not', async () => {
    const [a, b] = instances.urls;
    const jwt = new JwtService({ secret: instances.secrets.jwt, signOptions: { algorithm: 'HS256' } });
    const first = jwt.sign({ typ: 'user', sub: 901 });
    const second = jwt.sign({ typ: 'user', sub: 902 });
    const statuses: number[] = [];
    for (let i = 0; i < USER_LIMIT + 1; i++) {
      statuses.push(await asUser(i % 2 === 0 ? a : b, first, `198.51.100.${10 + i}`));
    }
    expect(statuses.slice(0, USER_LIMIT).every((status) => status !== 429)).toBe(true);
    expect(statuses[USER_LIMIT]).toBe(429);
    expect(await asUser(b, second, '198.51.100.30')).not.toBe(429);
  }, 60_000);
});

describe('request throttling in memory (two built servers, no REDIS_URL)', () => {
  const instances = twoInstances(() => ({ REDIS_URL: '' }));

  it('each instance counts in its own memory', async () => {
    const [a, b] = instances.urls;
    const statuses: number[] = [];
    for (let i = 0; i < IP_LIMIT * 2; i++) statuses.push(await anonymous(i % 2 === 0 ? a : b, '198.51.100.1'));
    expect(statuses.every((status) => status === 400)).toBe(true);
    expect(await anonymous(a, '198.51.100.1')).toBe(429);
  }, 60_000);
});
