import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killServerProcess, startServerProcess, type ServerProcess } from '../support/server-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const SERVER_DIR = resolve(here, '../..');
const ROOT = resolve(SERVER_DIR, '../..');
const MERCHANT_CREATE = join(SERVER_DIR, 'dist/cli/merchant-create.js');

/**
 * The README's commands from a clean clone: `pnpm merchant:create` runs at the repository root,
 * `pnpm start` runs the server wherever; both must use one data folder. A relative DATA_DIR under
 * .artifacts (git-ignored) stands for the default `data`, so that the test never touches it.
 */
describe('one data folder, whatever the working directory', () => {
  const relativeDataDir = `.artifacts/data-folder-${randomBytes(4).toString('hex')}`;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await killServerProcess(server);
    server = undefined;
  });
  afterAll(() => rmSync(join(ROOT, relativeDataDir), { recursive: true, force: true }));

  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const { DATABASE_URL: _db, DATA_DIR: _dir, VENDOR_MODE: _mode, ...rest } = process.env;
    return {
      ...rest,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      LOG_LEVEL: 'error',
      DATA_DIR: relativeDataDir,
      ...extra,
    };
  };
  const createMerchant = (cwd: string, args: string[], password: string) =>
    spawnSync(process.execPath, [MERCHANT_CREATE, ...args], {
      cwd,
      env: env({ MERCHANT_PASSWORD: password }),
      encoding: 'utf8',
    });
  const login = (base: string, username: string, password: string) =>
    fetch(`${base}/api/merchant/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it('a merchant created from the root and one from apps/server both log in to a server started in apps/server', async () => {
    const boss = createMerchant(ROOT, ['boss'], 'boss-password-1');
    expect(boss.stderr).toBe('');
    expect(boss.status).toBe(0);
    const clerk = createMerchant(SERVER_DIR, ['clerk', '--role', 'staff'], 'clerk-password-1');
    expect(clerk.status).toBe(0);
    expect(existsSync(join(ROOT, relativeDataDir, 'banshi.sqlite'))).toBe(true);
    expect(existsSync(join(SERVER_DIR, relativeDataDir))).toBe(false);

    const port = await freePort();
    server = await startServerProcess(env({ PORT: String(port), HOST: '127.0.0.1' }), SERVER_DIR);
    expect((await login(server.baseUrl, 'boss', 'boss-password-1')).status).toBe(200);
    expect((await login(server.baseUrl, 'clerk', 'clerk-password-1')).status).toBe(200);
    // Merchants existed: no sandbox merchant was made.
    expect(server.log.join('')).not.toContain('Sandbox merchant created');
    expect(existsSync(join(SERVER_DIR, relativeDataDir))).toBe(false);
  }, 120_000);

  it('a first start in sandbox mode makes a merchant and prints its password once, the addresses last', async () => {
    const fresh = `${relativeDataDir}-fresh`;
    try {
      const port = await freePort();
      // At info, where Nest's route lines used to bury the addresses.
      const freshEnv = env({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: fresh, LOG_LEVEL: 'info' });
      server = await startServerProcess(freshEnv, ROOT);
      const printed = await waitForLine(server, /Health: /);
      const password = /Sandbox merchant created: username sandbox, password (\S+)/.exec(printed)?.[1];
      expect(password).toBeDefined();
      expect((await login(server.baseUrl, 'sandbox', password as string)).status).toBe(200);
      expect(printed.trimEnd().split('\n').at(-1)).toContain(`${server.baseUrl}/api/health`);
      expect(printed).not.toContain('Mapped {');

      await killServerProcess(server);
      server = await startServerProcess(freshEnv, SERVER_DIR);
      expect(await waitForLine(server, /Health: /)).not.toContain('Sandbox merchant created');
    } finally {
      rmSync(join(ROOT, fresh), { recursive: true, force: true });
    }
  }, 120_000);
});

async function waitForLine(server: ServerProcess, line: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const printed = server.log.join('');
    if (line.test(printed)) return printed;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the server never printed ${line}: ${server.log.join('')}`);
}
