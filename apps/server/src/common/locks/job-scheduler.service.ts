import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { MetricsService } from '../../observability/metrics.service.js';
import { runWithRequestId } from '../../observability/request-context.js';
import { LeaseService } from './lease.service.js';

export interface ScheduledJob {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

/**
 * Runs periodic jobs in every instance, but each tick only in the one that takes the job's lease,
 * so two server processes never run the same job at once and a crashed one is replaced after the
 * lease expires. Tests call `runNow` instead of waiting for timers. On shutdown it starts no new
 * tick, waits for the ticks in flight and releases every lease this instance still holds, so that
 * another instance takes over at once instead of after the leases' TTL.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopping = false;

  constructor(
    private readonly leases: LeaseService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.set(job.name, job);
  }

  /** Runs one tick of a job now, under its lease. Returns false when another instance holds it. */
  async runNow(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job ${name}`);
    if (this.stopping) return false;
    const requestId = `job:${name}:${randomUUID()}`;
    const tick = runWithRequestId(requestId, () =>
      this.leases.runIfFree(`job:${name}`, Math.max(job.intervalMs * 2, 60_000), () => job.run()),
    );
    this.running.add(tick);
    try {
      const result = await tick;
      this.metrics.job(name, result.ran ? 'ran' : 'skipped');
      return result.ran;
    } catch (error) {
      this.metrics.job(name, 'failed');
      throw error;
    } finally {
      this.running.delete(tick);
    }
  }

  /** How many ticks are running now (the shutdown waits for them). */
  get ticksInFlight(): number {
    return this.running.size;
  }

  onApplicationBootstrap(): void {
    if (this.config.env === 'test') return;
    for (const job of this.jobs.values()) {
      const timer = setInterval(() => {
        this.runNow(job.name).catch((error: unknown) => this.logger.error({ err: error, job: job.name }, 'job failed'));
      }, job.intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Before the database closes: no new tick, the ticks in flight finish, held leases go back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
    const released = await this.leases.releaseHeld().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not release the leases at shutdown; they expire by themselves');
      return 0;
    });
    if (released) this.logger.log(`released ${released} lease(s) at shutdown`);
  }
}
