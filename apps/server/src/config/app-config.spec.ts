import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';
import { repositoryRoot } from './repo-root.js';

describe('loadConfig', () => {
  it('defaults to SQLite in the data folder at the repository root and sandbox vendors when no credential is set', () => {
    const root = repositoryRoot();
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: join(root, 'data'),
      databaseUrl: `sqlite:${join(root, 'data', 'banshi.sqlite')}`,
      vendorMode: 'sandbox',
    });
    expect(config.liveVendors).toBeUndefined();
  });

  it('reads relative paths from the repository root, whatever the working directory, and keeps the database in DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: 'elsewhere/data', H5_DIST_DIR: 'web' }, '/srv/banshi');
    expect(config.dataDir).toBe('/srv/banshi/elsewhere/data');
    expect(config.databaseUrl).toBe('sqlite:/srv/banshi/elsewhere/data/banshi.sqlite');
    expect(config.h5DistDir).toBe('/srv/banshi/web');
    expect(loadConfig({ DATABASE_URL: 'sqlite:./db/x.sqlite' }, '/srv/banshi').databaseUrl).toBe(
      'sqlite:/srv/banshi/db/x.sqlite',
    );
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }, '/srv').databaseUrl).toBe('sqlite::memory:');
    expect(loadConfig({ DATA_DIR: '/abs/data' }, '/srv').databaseUrl).toBe('sqlite:/abs/data/banshi.sqlite');
  });

  it('finds the repository root from its own file, not from the working directory', () => {
    expect(existsSync(join(repositoryRoot(), 'pnpm-workspace.yaml'))).toBe(true);
    expect(repositoryRoot(tmpdir())).toBe(process.cwd());
  });

  it('stops on a malformed setting, naming it and saying why', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL: must start with sqlite: or mysql://');
    }
  });

  it('live mode refuses to start without every credential and secret', () => {
    try {
      loadConfig({ VENDOR_MODE: 'live', ZJZ_API_KEY: 'k' });
      throw new Error('should have thrown');
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          'WECHAT_APP_ID: required when VENDOR_MODE=live',
          'ALIPAY_PRIVATE_KEY: required when VENDOR_MODE=live',
          'JWT_SECRET: required when VENDOR_MODE=live',
          'PII_ENCRYPTION_KEY: required when VENDOR_MODE=live',
          'PUBLIC_BASE_URL: required when VENDOR_MODE=live (vendors call it back)',
        ]),
      );
      expect(problems).not.toContain('ZJZ_API_KEY: required when VENDOR_MODE=live');
    }
  });

  it('a credential without VENDOR_MODE means live mode (never a silent sandbox in production)', () => {
    expect(() => loadConfig({ WECHAT_APP_ID: 'wx1' })).toThrow(/required when VENDOR_MODE=live/);
  });

  it("VENDOR_TIMEOUT_MS replaces the clients' own timeouts only when set, and only within bounds", () => {
    expect(loadConfig({}).vendorTimeoutMs).toBeUndefined();
    expect(loadConfig({ VENDOR_TIMEOUT_MS: '1500' }).vendorTimeoutMs).toBe(1500);
    expect(() => loadConfig({ VENDOR_TIMEOUT_MS: '50' })).toThrow(/VENDOR_TIMEOUT_MS/);
  });

  it('live mode needs the WeChat Pay merchant: number, key, certificate serial, WeChat Pay public key and APIv3 key', () => {
    const problems = (() => {
      try {
        loadConfig({ VENDOR_MODE: 'live' });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    for (const name of [
      'WECHATPAY_MCHID',
      'WECHATPAY_MERCHANT_PRIVATE_KEY',
      'WECHATPAY_MERCHANT_SERIAL_NO',
      'WECHATPAY_PUBLIC_KEY',
      'WECHATPAY_PUBLIC_KEY_ID',
      'WECHATPAY_API_V3_KEY',
    ])
      expect(problems).toContain(`${name}: required when VENDOR_MODE=live`);
    expect(() => loadConfig({ WECHATPAY_API_V3_KEY: 'short' })).toThrow(/WECHATPAY_API_V3_KEY/);
  });

  it('refuses a PII key that is not 32 bytes of base64', () => {
    expect(() => loadConfig({ PII_ENCRYPTION_KEY: 'short' })).toThrow(/PII_ENCRYPTION_KEY/);
  });
});
