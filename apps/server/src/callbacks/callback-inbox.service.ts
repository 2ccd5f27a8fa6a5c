import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maskPayload } from '../common/crypto/masking.js';
import { AppError } from '../common/errors/app-error.js';
import { insertRow, updateRows } from '../database/row-statements.js';
import { MetricsService, type CallbackOutcome } from '../observability/metrics.service.js';
import { isUniqueViolation, Transactions } from '../database/transactions.js';
import type { CallbackAnswer, CallbackHandler, VerifiedCallback } from './callback-handler.js';
import { VendorEvent, type RawCallback } from './vendor-event.entity.js';

/**
 * The one way a vendor callback gets into the system:
 * verify → insert into the inbox under a unique dedupe key → apply in the same transaction →
 * commit → only then acknowledge in the vendor's format.
 * A repeat hits the unique key and is acknowledged without changing anything; a forged callback is
 * stored as rejected and never applied; if applying throws, the transaction rolls back, the event
 * is kept as `failed` (outside that transaction) and the vendor is told to retry.
 */
@Injectable()
export class CallbackInbox {
  private readonly logger = new Logger(CallbackInbox.name);
  private readonly handlers = new Map<string, CallbackHandler>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly metrics: MetricsService,
  ) {}

  /** Services register their handlers so that stored events can be replayed later. */
  register(handler: CallbackHandler): void {
    this.handlers.set(`${handler.vendor}:${handler.topic}`, handler as CallbackHandler);
  }

  async receive<E, P>(handler: CallbackHandler<E, P>, raw: RawCallback): Promise<CallbackAnswer> {
    const started = performance.now();
    const { answer, outcome } = await this.handle(handler, raw);
    this.metrics.callback(handler.vendor, handler.topic, outcome, (performance.now() - started) / 1000);
    return answer;
  }

  private async handle<E, P>(handler: CallbackHandler<E, P>, raw: RawCallback): Promise<Handled> {
    let verified: VerifiedCallback<E>;
    try {
      verified = await handler.verify(raw);
    } catch (error) {
      const reason = (error as Error).message || 'verification failed';
      await this.storeRejected(handler, raw, reason);
      this.logger.warn({ vendor: handler.vendor, topic: handler.topic, reason }, 'callback rejected');
      return { answer: handler.rejection(reason, error), outcome: 'rejected' };
    }

    let prepared: P | undefined;
    try {
      if (handler.prepare) {
        // Preparing is slow (downloads): look for a repeat first. Without it, the unique key alone
        // tells a repeat apart, and first deliveries, the common case, save a round trip.
        const known = await this.dataSource.getRepository(VendorEvent).findOneBy({ dedupeKey: verified.dedupeKey });
        if (known?.status === 'applied') {
          return { answer: await this.acknowledgeRepeat(handler, known.id), outcome: 'repeat' };
        }
        prepared = await handler.prepare(verified.event);
      }
      return { answer: await this.applyNew(handler, raw, verified, prepared), outcome: 'applied' };
    } catch (error) {
      if (!isUniqueViolation(error))
        return { answer: await this.fail(handler, raw, verified, error), outcome: 'failed' };
      // Another delivery of the same event got in first (or failed earlier): settle against it.
      try {
        const outcome = await this.applyExisting(handler, verified, prepared);
        return { answer: handler.acknowledge(), outcome };
      } catch (retryError) {
        return { answer: await this.fail(handler, raw, verified, retryError), outcome: 'failed' };
      }
    }
  }

  /** Applies a stored event again: for the merchant's replay of one that failed while applying. */
  async replay(eventId: number): Promise<VendorEvent> {
    const stored = await this.dataSource.getRepository(VendorEvent).findOneBy({ id: eventId });
    if (!stored) throw AppError.notFound('回调记录不存在');
    if (stored.status !== 'failed') throw AppError.conflict('NOT_REPLAYABLE', '只有处理失败的回调可以重放');
    const handler = this.handlers.get(`${stored.vendor}:${stored.topic}`);
    if (!handler) throw AppError.conflict('NO_HANDLER', '该回调类型暂不支持重放');
    const verified = await handler.verify(stored.raw);
    const prepared = handler.prepare ? await handler.prepare(verified.event) : undefined;
    try {
      await this.applyExisting(handler, verified, prepared);
    } catch (error) {
      await this.markFailed(stored.id, error);
    }
    return (await this.dataSource.getRepository(VendorEvent).findOneBy({ id: eventId })) as VendorEvent;
  }

  private async applyNew<E, P>(
    handler: CallbackHandler<E, P>,
    raw: RawCallback,
    verified: VerifiedCallback<E>,
    prepared: P | undefined,
  ) {
    const result = await this.transactions.run(async (manager) => {
      const vendorEventId = await insertRow(
        manager,
        VendorEvent,
        this.newRow(handler, raw, verified.dedupeKey, 'applied', null),
      );
      const applied = await handler.apply(verified.event, { manager, vendorEventId, prepared });
      await updateRows(
        manager,
        VendorEvent,
        { id: vendorEventId },
        { outcome: applied.outcome, orderId: applied.orderId ?? null },
      );
      return applied;
    });
    result.afterCommit?.();
    return handler.acknowledge();
  }

  /** The dedupe key exists: acknowledge a repeat, or finish one that failed before. */
  private async applyExisting<E, P>(
    handler: CallbackHandler<E, P>,
    verified: VerifiedCallback<E>,
    prepared: P | undefined,
  ): Promise<'repeat' | 'applied'> {
    let afterCommit: (() => void) | undefined;
    const outcome = await this.transactions.run(async (manager): Promise<'repeat' | 'applied'> => {
      const stored = await this.lockByKey(manager, verified.dedupeKey);
      if (!stored) throw new Error('inbox row vanished');
      if (stored.status === 'applied') {
        await manager.increment(VendorEvent, { id: stored.id }, 'repeatCount', 1);
        return 'repeat';
      }
      const result = await handler.apply(verified.event, { manager, vendorEventId: stored.id, prepared });
      afterCommit = result.afterCommit;
      await manager.update(
        VendorEvent,
        { id: stored.id },
        {
          status: 'applied',
          outcome: result.outcome,
          orderId: result.orderId ?? null,
          reason: null,
          attempts: stored.attempts + 1,
          updatedAt: new Date(),
        },
      );
      return 'applied';
    });
    afterCommit?.();
    if (outcome === 'repeat')
      this.logger.debug({ vendor: handler.vendor, key: verified.dedupeKey }, 'repeated callback');
    return outcome;
  }

  private async acknowledgeRepeat(handler: CallbackHandler<unknown, unknown>, id: number): Promise<CallbackAnswer> {
    await this.dataSource.getRepository(VendorEvent).increment({ id }, 'repeatCount', 1);
    return handler.acknowledge();
  }

  private async fail<E, P>(
    handler: CallbackHandler<E, P>,
    raw: RawCallback,
    verified: VerifiedCallback<E>,
    error: unknown,
  ): Promise<CallbackAnswer> {
    const reason = describe(error);
    this.logger.error({ err: error, vendor: handler.vendor, topic: handler.topic }, 'callback failed while applying');
    try {
      const existing = await this.dataSource.getRepository(VendorEvent).findOneBy({ dedupeKey: verified.dedupeKey });
      if (existing) await this.markFailed(existing.id, error);
      else
        await insertRow(
          this.dataSource.manager,
          VendorEvent,
          this.newRow(handler, raw, verified.dedupeKey, 'failed', reason),
        );
    } catch (storeError) {
      // Even the failure could not be stored (database down): the vendor's retry will bring it back.
      this.logger.error({ err: storeError }, 'could not record the failed callback');
    }
    return handler.failure(reason);
  }

  private async markFailed(id: number, error: unknown): Promise<void> {
    const repository = this.dataSource.getRepository(VendorEvent);
    await repository.increment({ id }, 'attempts', 1);
    await repository.update({ id }, { status: 'failed', reason: describe(error), updatedAt: new Date() });
  }

  private async storeRejected(
    handler: CallbackHandler<unknown, unknown>,
    raw: RawCallback,
    reason: string,
  ): Promise<void> {
    await insertRow(this.dataSource.manager, VendorEvent, this.newRow(handler, raw, null, 'rejected', reason));
  }

  private async lockByKey(manager: EntityManager, dedupeKey: string): Promise<VendorEvent | null> {
    const mysql = manager.connection.options.type === 'mysql';
    return manager.findOne(VendorEvent, {
      where: { dedupeKey },
      ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  private newRow(
    handler: CallbackHandler<unknown, unknown>,
    raw: RawCallback,
    dedupeKey: string | null,
    status: VendorEvent['status'],
    reason: string | null,
  ) {
    const now = new Date();
    return {
      vendor: handler.vendor,
      topic: handler.topic,
      dedupeKey,
      status,
      outcome: null,
      reason,
      orderId: null,
      raw,
      payloadMasked: JSON.stringify(maskedRaw(raw)),
      repeatCount: 0,
      attempts: 1,
      receivedAt: now,
      updatedAt: now,
    };
  }
}

interface Handled {
  answer: CallbackAnswer;
  outcome: CallbackOutcome;
}

function maskedRaw(raw: RawCallback): unknown {
  let body: unknown = raw.body;
  try {
    body = JSON.parse(raw.body);
  } catch {
    const form = new URLSearchParams(raw.body);
    if ([...form.keys()].length > 0 && !raw.body.trim().startsWith('{')) body = Object.fromEntries(form);
  }
  const query = Object.fromEntries(new URLSearchParams(raw.query));
  return maskPayload({ path: raw.path.replace(/[A-Za-z0-9_-]{24,}/g, '***'), query, body });
}

function describe(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);
}
