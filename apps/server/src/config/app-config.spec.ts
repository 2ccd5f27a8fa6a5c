import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to SQLite under ./data and sandbox vendors when no credential is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: 'sqlite:./data/banshi.sqlite', vendorMode: 'sandbox' });
    expect(config.liveVendors).toBeUndefined();
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

  it('refuses a PII key that is not 32 bytes of base64', () => {
    expect(() => loadConfig({ PII_ENCRYPTION_KEY: 'short' })).toThrow(/PII_ENCRYPTION_KEY/);
  });
});
