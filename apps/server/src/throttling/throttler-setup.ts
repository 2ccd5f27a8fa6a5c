import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { AppThrottlerGuard } from './app-throttler.guard.js';
import { redisThrottleStorage } from './throttle-storage.js';

const THROTTLE_STORAGE = Symbol('THROTTLE_STORAGE');
const MINUTE_MS = 60_000;

interface StorageHolder {
  /** Undefined: the library's in-memory storage. */
  storage?: ThrottlerStorage;
  redis?: Redis;
}

/** Owns the Redis connection (when there is one) so that it is closed with the application. */
@Module({
  providers: [
    {
      provide: THROTTLE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): StorageHolder =>
        config.redisUrl ? redisThrottleStorage(config.redisUrl, config.redisKeyPrefix) : {},
    },
  ],
  exports: [THROTTLE_STORAGE],
})
class ThrottleStorageModule implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_STORAGE) private readonly holder: StorageHolder) {}

  async onApplicationShutdown(): Promise<void> {
    await this.holder.redis?.quit().catch(() => undefined);
  }
}

/** Per-address and per-user request limits (see AppThrottlerGuard), counted in Redis or in memory. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottleStorageModule],
      inject: [APP_CONFIG, THROTTLE_STORAGE],
      useFactory: (config: AppConfig, holder: StorageHolder) => ({
        // A limit of 0 switches that counter off.
        throttlers: [
          { name: 'ip', ttl: MINUTE_MS, limit: config.throttle.ipPerMinute },
          { name: 'user', ttl: MINUTE_MS, limit: config.throttle.userPerMinute },
        ].filter((throttler) => throttler.limit > 0),
        storage: holder.storage,
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: AppThrottlerGuard }],
})
export class ThrottlerSetupModule {}
