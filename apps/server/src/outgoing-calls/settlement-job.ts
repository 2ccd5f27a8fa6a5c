import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { JobScheduler } from '../common/locks/job-scheduler.service.js';
import { CallSettlers } from './call-settlers.js';
import { OutgoingCallLedger } from './outgoing-call-ledger.service.js';
import { OutgoingCall } from './outgoing-call.entity.js';

export const SETTLE_CALLS_JOB = 'outgoing-calls.settle';

/** An unknown call is first asked about after this quiet time (a late callback usually comes first). */
export const UNKNOWN_QUIET_MS = 60_000;
/**
 * An intent with no outcome after this long: the process died between sending and recording (the
 * longest vendor timeout with its retries is well below it). It is unknown from then on.
 */
export const STALE_INTENT_MS = 5 * 60_000;
const BATCH = 50;

/**
 * Settles unknown calls: through the owning module's query while the vendor's window is open; past
 * it (or for a vendor with no query) the call goes to the merchant's 待处理 list for a person.
 */
@Injectable()
export class CallSettlementJob implements OnModuleInit {
  private readonly logger = new Logger(CallSettlementJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    private readonly ledger: OutgoingCallLedger,
    private readonly settlers: CallSettlers,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: SETTLE_CALLS_JOB, intervalMs: 30_000, run: () => this.run() });
  }

  async run(now = new Date()): Promise<void> {
    const calls = this.dataSource.getRepository(OutgoingCall);
    await calls.update(
      { status: 'intent', updatedAt: LessThan(new Date(now.getTime() - STALE_INTENT_MS)) },
      { status: 'unknown', errorClass: 'no_outcome_recorded', updatedAt: now },
    );
    const due = await calls.find({
      where: {
        status: In(['unknown']),
        attentionAt: IsNull(),
        updatedAt: LessThan(new Date(now.getTime() - UNKNOWN_QUIET_MS)),
      },
      order: { updatedAt: 'ASC' },
      take: BATCH,
    });
    for (const call of due) await this.settleOne(call, now);
  }

  private async settleOne(call: OutgoingCall, now: Date): Promise<void> {
    const settler = this.settlers.of(call.vendor, call.operation);
    if (settler?.query) {
      try {
        const outcome = await settler.query(call);
        if (outcome) {
          await this.ledger.settle(call.id, outcome, { by: 'job' });
          return;
        }
      } catch (error) {
        this.logger.warn({ err: error, callId: call.id }, 'settling query failed; asked again later');
      }
    }
    const windowMs = settler?.windowMs ?? 0;
    const past = now.getTime() - call.createdAt.getTime() >= windowMs;
    // Touched either way, so that the next tick asks the others first.
    await this.dataSource
      .getRepository(OutgoingCall)
      .update({ id: call.id, status: 'unknown' }, past ? { attentionAt: now, updatedAt: now } : { updatedAt: now });
  }
}
