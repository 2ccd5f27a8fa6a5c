import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../common/locks/job-scheduler.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { FulfilmentService } from './fulfilment.service.js';
import { PaymentsService } from './payments.service.js';
import { RefundsService } from './refunds.service.js';

export const PAYMENTS_JOB = 'payments.settle';

/**
 * The payments' background work, one tick under the scheduler's lease: close expired unpaid
 * orders, ask WeChat Pay about payments not heard of, call the services of paid orders, send and
 * settle refunds. After a payment or a refund is committed the tick is also kicked at once, so the
 * user does not wait for the timer.
 */
@Injectable()
export class PaymentWorker implements OnModuleInit {
  private readonly logger = new Logger(PaymentWorker.name);
  private chain: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly payments: PaymentsService,
    private readonly fulfilment: FulfilmentService,
    private readonly refunds: RefundsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const intervalMs = this.config.vendorMode === 'sandbox' ? 3_000 : 30_000;
    this.scheduler.register({ name: PAYMENTS_JOB, intervalMs, run: () => this.tick() });
  }

  async tick(): Promise<void> {
    await this.payments.closeExpired(await this.payments.dueToClose());
    await this.payments.querySilent();
    await this.fulfilment.runDue();
    await this.refunds.settle();
  }

  /**
   * Runs a tick soon, without waiting for it. Ticks of this process run one after another, and a
   * kick while one is queued adds nothing: the queued one will see the new work.
   */
  kick(): void {
    if (this.queued) return;
    this.queued = true;
    this.chain = this.chain.then(async () => {
      this.queued = false;
      await this.scheduler
        .runNow(PAYMENTS_JOB)
        .catch((error: unknown) => this.logger.error({ err: error }, 'payments tick failed'));
    });
  }

  /** Resolves when the kicked ticks are done (tests; shutdown). */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.chain;
      await seen;
    } while (seen !== this.chain);
  }
}
