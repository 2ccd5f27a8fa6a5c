import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { createApp, listen } from '../../src/app.factory.js';
import { hashPassword } from '../../src/auth/password.js';
import { Merchant, type MerchantRole } from '../../src/auth/merchant.entity.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { SandboxService } from '../../src/sandbox/sandbox.service.js';
import { createTestDatabase, type DatabaseKind } from './databases.js';

export interface TestApp {
  kind: DatabaseKind;
  app: NestExpressApplication;
  config: AppConfig;
  http: TestAgent;
  baseUrl: string;
  dataSource: DataSource;
  sandbox: SandboxService;
  /** Logs a sandbox WeChat user in (the same device id is the same user) and answers the token. */
  loginUser(deviceId?: string): Promise<string>;
  createMerchant(username: string, password: string, role?: MerchantRole): Promise<void>;
  loginMerchant(username?: string, role?: MerchantRole): Promise<string>;
  close(): Promise<void>;
}

/** The real application, on a fresh database, listening on a free port with the sandbox vendors. */
export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: { logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-e2e-'));
  const database = await createTestDatabase(kind, dataDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    VENDOR_MODE: 'sandbox',
    H5_DIST_DIR: join(dataDir, 'no-h5'),
    // Tests that query a car twice expect two vendor calls; the freshness window has its own test.
    VIOLATION_QUERY_FRESH_SECONDS: '0',
    // Off in process: Jest on Node 20 cannot load @nestjs/throttler (see throttling.module.ts);
    // test/throttling runs the built server with limits of its own.
    THROTTLE_IP_PER_MINUTE: '0',
    THROTTLE_USER_PER_MINUTE: '0',
    ...env,
  });
  const app = await createApp(config, options);
  const baseUrl = await listen(app, config);
  const http = request(app.getHttpServer());
  const dataSource = app.get(DataSource);
  const merchants = new Set<string>();

  const createMerchant = async (username: string, password: string, role: MerchantRole = 'owner') => {
    const now = new Date();
    await dataSource
      .getRepository(Merchant)
      .insert({ username, passwordHash: await hashPassword(password), role, createdAt: now, updatedAt: now });
    merchants.add(username);
  };

  return {
    kind,
    app,
    config,
    http,
    baseUrl,
    dataSource,
    sandbox: app.get(SandboxService),
    async loginUser(deviceId = `device-${Math.random()}`) {
      const code = await http.post('/api/sandbox/wechat/code').send({ deviceId }).expect(200);
      const login = await http.post('/api/auth/wechat').send({ code: code.body.code }).expect(200);
      return login.body.token as string;
    },
    createMerchant,
    async loginMerchant(username = 'owner', role: MerchantRole = 'owner') {
      const password = 'correct horse battery';
      if (!merchants.has(username)) await createMerchant(username, password, role);
      const login = await http.post('/api/merchant/login').send({ username, password }).expect(200);
      return login.body.token as string;
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
