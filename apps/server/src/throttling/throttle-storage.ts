import { Logger } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The counters behind throttling: in Redis when `REDIS_URL` is set, so that every instance behind
 * the load balancer counts the same client together; in memory otherwise (one process).
 */
export function redisThrottleStorage(url: string, keyPrefix: string): { storage: ThrottlerStorage; redis: Redis } {
  // No offline queue and one try per command: a Redis that is down must not hold requests up.
  const redis = new Redis(url, { keyPrefix, enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  const logger = new Logger('ThrottleStorage');
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis for throttling is unreachable'));
  return { storage: new FailOpenStorage(new ThrottlerStorageRedisService(redis), logger), redis };
}

/**
 * When the shared counters cannot be reached, requests are let through (and logged): throttling
 * protects the service, it must not become the reason it is down.
 */
class FailOpenStorage implements ThrottlerStorage {
  private lastWarning = 0;

  constructor(
    private readonly inner: ThrottlerStorage,
    private readonly logger: Logger,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<StorageRecord> {
    try {
      return await this.inner.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (Date.now() - this.lastWarning > 10_000) {
        this.lastWarning = Date.now();
        this.logger.warn({ err: error }, 'throttle counters unavailable: letting requests through');
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
