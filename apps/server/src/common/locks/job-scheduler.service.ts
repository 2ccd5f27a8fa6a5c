import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { LeaseService } from './lease.service.js';

export interface ScheduledJob {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

/**
 * Runs periodic jobs in every instance, but each tick only in the one that takes the job's lease,
 * so two server processes never run the same job at once and a crashed one is replaced after the
 * lease expires. Tests call `runNow` instead of waiting for timers.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly leases: LeaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.set(job.name, job);
  }

  /** Runs one tick of a job now, under its lease. Returns false when another instance holds it. */
  async runNow(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job ${name}`);
    const result = await this.leases.runIfFree(`job:${name}`, Math.max(job.intervalMs * 2, 60_000), () => job.run());
    return result.ran;
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

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }
}
