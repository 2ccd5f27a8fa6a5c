import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { forUpdate, Transactions } from '../database/transactions.js';
import { errorClassOf, isOutcomeUnknown, summaryText } from './call-outcome.js';
import { CallSettlers, type SettledOutcome } from './call-settlers.js';
import { OPEN_CALL_STATUSES, OutgoingCall, type SettledBy } from './outgoing-call.entity.js';

/** A call about to be sent. `key` is the same for a resend of the same call (the vendor's own key). */
export interface CallIntent {
  vendor: string;
  operation: string;
  subjectKind: string;
  subjectId: string;
  key: string;
  /** What is asked, already masked: the ledger stores it as given. */
  request?: Record<string, unknown>;
}

/** Who settles: the job, a vendor callback, or a merchant account in the console. */
export interface Settler {
  by: SettledBy;
  merchantId?: number;
  note?: string;
}

/**
 * The outgoing-call ledger. A caller records the intent before it sends and the outcome after; a
 * call that got no answer stays `unknown` until the vendor's query (the settlement job), its
 * callback (`settleSubject`) or a person (`settle`) tells how it ended. Outcome writes never throw:
 * losing the bookkeeping must not lose the vendor's answer the caller holds.
 */
@Injectable()
export class OutgoingCallLedger {
  private readonly logger = new Logger(OutgoingCallLedger.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly settlers: CallSettlers,
  ) {}

  /**
   * Stores the intent (in `manager`'s transaction when the caller has one, else on its own). The
   * same key again is the same call sent again: one row, its attempts counted.
   */
  async record(intent: CallIntent, manager: EntityManager = this.dataSource.manager): Promise<OutgoingCall> {
    const now = new Date();
    const known = await manager.findOneBy(OutgoingCall, { idempotencyKey: intent.key });
    if (known) {
      const resent = { status: 'intent' as const, attempts: known.attempts + 1, errorClass: null, updatedAt: now };
      await manager.update(OutgoingCall, { id: known.id }, resent);
      return Object.assign(known, resent);
    }
    return manager.save(
      manager.create(OutgoingCall, {
        vendor: intent.vendor,
        operation: intent.operation,
        subjectKind: intent.subjectKind,
        subjectId: intent.subjectId,
        idempotencyKey: intent.key,
        status: 'intent',
        attempts: 1,
        requestSummary: summaryText(intent.request),
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  /** The outcome writes take the caller's `manager` when the intent was recorded in its transaction. */
  async succeeded(call: OutgoingCall, summary?: Record<string, unknown>, manager?: EntityManager): Promise<void> {
    await this.outcome(call, { status: 'succeeded', outcomeSummary: summaryText(summary), errorClass: null }, manager);
  }

  async failed(call: OutgoingCall, error: unknown, manager?: EntityManager): Promise<void> {
    await this.outcome(call, { status: 'failed', errorClass: errorClassOf(error) }, manager);
  }

  async unknown(call: OutgoingCall, error: unknown, manager?: EntityManager): Promise<void> {
    await this.outcome(call, { status: 'unknown', errorClass: errorClassOf(error) }, manager);
  }

  /** After a thrown call: unknown when no answer came, failed when the vendor answered with a refusal. */
  async threw(call: OutgoingCall, error: unknown, manager?: EntityManager): Promise<void> {
    await (isOutcomeUnknown(error) ? this.unknown(call, error, manager) : this.failed(call, error, manager));
  }

  /**
   * Records, sends and records the outcome: the usual shape of a call. What `send` throws is
   * rethrown, after the ledger says whether the vendor answered (failed) or not (unknown).
   */
  async run<T>(
    intent: CallIntent,
    send: () => Promise<T>,
    summarize?: (answer: T) => Record<string, unknown>,
  ): Promise<T> {
    const call = await this.record(intent);
    let answer: T;
    try {
      answer = await send();
    } catch (error) {
      await this.threw(call, error);
      throw error;
    }
    await this.succeeded(call, summarize?.(answer));
    return answer;
  }

  /** Whether a call about `subject` is still waiting to be settled. */
  async hasOpen(subject: { vendor: string; subjectKind: string; subjectId: string }): Promise<boolean> {
    const open = await this.dataSource
      .getRepository(OutgoingCall)
      .countBy({ ...subject, status: In([...OPEN_CALL_STATUSES]) });
    return open > 0;
  }

  /** The entry of one call, by its key. */
  byKey(key: string, manager: EntityManager = this.dataSource.manager): Promise<OutgoingCall | null> {
    return manager.findOneBy(OutgoingCall, { idempotencyKey: key });
  }

  /**
   * Settles one open call (the job, a person): its module applies the outcome in the same
   * transaction. False when it was not open any more (settled meanwhile, or answered by a resend).
   */
  async settle(callId: number, outcome: SettledOutcome, settler: Settler): Promise<boolean> {
    const settled = await this.transactions.run(async (manager) => {
      const call = await manager.findOne(OutgoingCall, { where: { id: callId }, ...forUpdate(manager) });
      if (!call || !OPEN_CALL_STATUSES.includes(call.status)) return null;
      await this.settleLocked(manager, call, outcome, settler);
      return call;
    });
    if (!settled) return false;
    await this.settlers
      .of(settled.vendor, settled.operation)
      ?.after?.(settled, outcome)
      .catch((error: unknown) => this.logger.warn({ err: error, callId }, 'after-settlement step failed'));
    return true;
  }

  /**
   * A vendor callback about `subject` arrived (inside its inbox transaction): every open call about
   * it of this vendor is settled by the callback. Answers how many were.
   */
  async settleSubject(
    manager: EntityManager,
    subject: { vendor: string; subjectKind: string; subjectId: string; operations?: string[] },
    outcome: SettledOutcome,
  ): Promise<number> {
    const open = await manager.find(OutgoingCall, {
      where: {
        vendor: subject.vendor,
        subjectKind: subject.subjectKind,
        subjectId: subject.subjectId,
        status: In([...OPEN_CALL_STATUSES]),
        ...(subject.operations ? { operation: In(subject.operations) } : {}),
      },
      ...forUpdate(manager),
    });
    for (const call of open) await this.settleLocked(manager, call, outcome, { by: 'callback' });
    return open.length;
  }

  private async settleLocked(
    manager: EntityManager,
    call: OutgoingCall,
    outcome: SettledOutcome,
    settler: Settler,
  ): Promise<void> {
    const now = new Date();
    const patch = {
      status: outcome.result === 'succeeded' ? ('settled_succeeded' as const) : ('settled_failed' as const),
      outcomeSummary: summaryText({ ...outcome.summary, ...(outcome.choice ? { choice: outcome.choice } : {}) }),
      settledBy: settler.by,
      settledByMerchantId: settler.merchantId ?? null,
      note: settler.note?.slice(0, 255) ?? null,
      settledAt: now,
      updatedAt: now,
    };
    await manager.update(OutgoingCall, { id: call.id }, patch);
    Object.assign(call, patch);
    await this.settlers.of(call.vendor, call.operation)?.apply?.(manager, call, outcome);
  }

  private async outcome(
    call: OutgoingCall,
    patch: Partial<OutgoingCall>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    try {
      // Only an entry still waiting for this attempt's answer: a callback may have settled it already.
      await manager.update(OutgoingCall, { id: call.id, status: 'intent' }, { ...patch, updatedAt: new Date() });
      Object.assign(call, patch);
    } catch (error) {
      this.logger.error({ err: error, callId: call.id }, 'could not record the outcome of an outgoing call');
    }
  }
}
