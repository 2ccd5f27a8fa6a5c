import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';

@Module({})
class ThrottlingOff {}

/**
 * Request throttling, unless both limits are 0. `@nestjs/throttler` is CommonJS requiring the
 * ESM-only NestJS 12: Node ≥ 20.19 loads it (require of ESM), Jest on Node 20 cannot, so it is
 * imported only when throttling is on. In-process Jest suites run with it off; the throttling
 * tests run the built server (test/throttling).
 */
export async function throttlingModule(config: AppConfig): Promise<DynamicModule> {
  if (config.throttle.ipPerMinute === 0 && config.throttle.userPerMinute === 0) return { module: ThrottlingOff };
  const { ThrottlerSetupModule } = await import('./throttler-setup.js');
  return { module: ThrottlerSetupModule };
}
