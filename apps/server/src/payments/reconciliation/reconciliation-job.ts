import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/locks/job-scheduler.service.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { ReconciliationService } from './reconciliation.service.js';

export const RECONCILE_JOB = 'payments.reconcile';

/**
 * Reconciles each day once its bill is ready (10:00 Beijing time the next day). The tick is
 * frequent and cheap — a day already reconciled is skipped with one query — so a bill still being
 * made, or WeChat Pay down, is tried again soon; the scheduler's lease keeps it to one instance.
 */
@Injectable()
export class ReconciliationJob implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly reconciliation: ReconciliationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const intervalMs = this.config.vendorMode === 'sandbox' ? 60_000 : 15 * 60_000;
    this.scheduler.register({ name: RECONCILE_JOB, intervalMs, run: () => this.reconciliation.runDue() });
  }
}
