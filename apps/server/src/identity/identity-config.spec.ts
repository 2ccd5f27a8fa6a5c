import { ConfigError, loadConfig } from '../config/app-config.js';

describe('identity settings', () => {
  it('default to 5 attempts a day and a 15 s vendor timeout, and take overrides', () => {
    expect(loadConfig({})).toMatchObject({ identityDailyLimit: 5, zhimaTimeoutMs: 15_000 });
    expect(loadConfig({ IDENTITY_DAILY_LIMIT: '3', ZHIMA_TIMEOUT_MS: '8000' })).toMatchObject({
      identityDailyLimit: 3,
      zhimaTimeoutMs: 8000,
    });
  });

  it('refuse a limit or timeout that makes no sense, by name', () => {
    expect(() => loadConfig({ IDENTITY_DAILY_LIMIT: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ IDENTITY_DAILY_LIMIT: 'many' })).toThrow(/IDENTITY_DAILY_LIMIT/);
    expect(() => loadConfig({ ZHIMA_TIMEOUT_MS: '10' })).toThrow(/ZHIMA_TIMEOUT_MS/);
  });
});
