import { ConfigError, loadConfig } from './app-config.js';
import { DEFAULT_STUCK_ORDER_MINUTES, parseStuckOrderMinutes } from './stuck-orders.js';

describe('STUCK_ORDER_MINUTES', () => {
  it('defaults every kind, and a pair overrides only its kind', () => {
    expect(loadConfig({}).stuckOrderMinutes).toEqual(DEFAULT_STUCK_ORDER_MINUTES);
    expect(loadConfig({ STUCK_ORDER_MINUTES: ' identity = 5, inspection=20160 ' }).stuckOrderMinutes).toEqual({
      ...DEFAULT_STUCK_ORDER_MINUTES,
      identity: 5,
      inspection: 20160,
    });
  });

  it('stops the server on an unknown kind or a malformed pair, naming the variable', () => {
    expect(() => loadConfig({ STUCK_ORDER_MINUTES: 'passport=10' })).toThrow(ConfigError);
    expect(() => loadConfig({ STUCK_ORDER_MINUTES: 'passport=10' })).toThrow(
      /STUCK_ORDER_MINUTES: unknown kind "passport"/,
    );
    expect(parseStuckOrderMinutes('identity:10')).toMatch(/is not kind=minutes/);
    expect(parseStuckOrderMinutes('identity=0')).toMatch(/at least 1/);
    expect(parseStuckOrderMinutes('identity=-3')).toMatch(/is not kind=minutes/);
  });
});
