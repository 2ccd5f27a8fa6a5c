import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { VendorApiError, VendorError } from '@banshi/vendor-clients';
import { TRANSIENT_ERRORS, WECHAT_ERRORS, WechatClient } from '@banshi/vendor-clients/wechat';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { JobScheduler } from '../../common/locks/job-scheduler.service.js';
import { User } from '../../users/user.entity.js';
import { NotificationOutbox } from './outbox.entity.js';
import type { OutboxMessage } from './order-notifier.js';
import { SubscriptionsService } from './subscriptions.service.js';

export const OUTBOX_JOB = 'send-subscribe-messages';
const BATCH = 50;
const MAX_ATTEMPTS = 6;
/** Before each attempt the row is pushed this far ahead, so a crash mid-send does not resend at once. */
const CLAIM_MS = 5 * 60_000;
const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3600_000);

type Outcome = { state: 'sent' } | { state: 'dropped' | 'failed'; error: string } | { state: 'retry'; error: string };

/**
 * Sends the queued subscribe messages, on one instance at a time (the job's lease). Each change's
 * message is tried until it is sent, dropped (no acceptance left, 43101, or content WeChat refuses
 * for good) or out of retries; only transient errors (timeouts, −1, quota) are retried.
 */
@Injectable()
export class OutboxSender implements OnModuleInit {
  private readonly logger = new Logger(OutboxSender.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    private readonly wechat: WechatClient,
    private readonly subscriptions: SubscriptionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: OUTBOX_JOB, intervalMs: 5_000, run: async () => void (await this.sendDue()) });
  }

  async sendDue(now = new Date()): Promise<number> {
    const repository = this.dataSource.getRepository(NotificationOutbox);
    const due = await repository.find({
      where: { state: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take: BATCH,
    });
    if (due.length === 0) return 0;
    const users = await this.dataSource
      .getRepository(User)
      .find({ where: { id: In([...new Set(due.map((row) => row.userId))]) }, select: { id: true, openid: true } });
    const openids = new Map(users.map((user) => [user.id, user.openid]));
    for (const row of due) {
      const attempts = row.attempts + 1;
      await repository.update({ id: row.id }, { attempts, nextAttemptAt: new Date(Date.now() + CLAIM_MS) });
      const outcome = await this.send(row, openids.get(row.userId));
      await this.record(row, attempts, outcome);
    }
    return due.length;
  }

  private async send(row: NotificationOutbox, openid: string | undefined): Promise<Outcome> {
    if (!openid) return { state: 'dropped', error: 'no such user' };
    // Without an acceptance WeChat would answer 43101: do not spend a call on it.
    if (!(await this.subscriptions.take(row.userId, row.templateId))) {
      return { state: 'dropped', error: 'no acceptance' };
    }
    const message = JSON.parse(row.message) as OutboxMessage;
    try {
      await this.wechat.sendSubscribeMessage({
        touser: openid,
        templateId: row.templateId,
        page: message.page,
        data: message.data,
        miniprogramState: this.config.subscribe.miniprogramState,
      });
      return { state: 'sent' };
    } catch (error) {
      return this.classify(row, error);
    }
  }

  private async classify(row: NotificationOutbox, error: unknown): Promise<Outcome> {
    const text = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 255) : String(error);
    if (error instanceof VendorApiError && error.code === WECHAT_ERRORS.USER_REFUSED) {
      await this.subscriptions.refused(row.userId, row.templateId);
      return { state: 'dropped', error: `43101 ${text}` };
    }
    const transient =
      (error instanceof VendorApiError && TRANSIENT_ERRORS.has(error.code)) ||
      (error instanceof VendorError && error.retryable);
    if (transient) {
      // The acceptance was not spent: give it back for the retry.
      await this.subscriptions.giveBack(row.userId, row.templateId);
      return { state: 'retry', error: text };
    }
    this.logger.warn({ outboxId: row.id, err: error }, 'subscribe message refused by WeChat');
    return { state: 'dropped', error: text };
  }

  private async record(row: NotificationOutbox, attempts: number, outcome: Outcome): Promise<void> {
    const now = new Date();
    const error = outcome.state === 'sent' ? null : outcome.error;
    if (outcome.state === 'retry' && attempts < MAX_ATTEMPTS) {
      await this.dataSource
        .getRepository(NotificationOutbox)
        .update(
          { id: row.id },
          { lastError: error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), updatedAt: now },
        );
      return;
    }
    const state = outcome.state === 'retry' ? 'failed' : outcome.state;
    await this.dataSource
      .getRepository(NotificationOutbox)
      .update({ id: row.id }, { state, lastError: error, updatedAt: now });
  }
}
