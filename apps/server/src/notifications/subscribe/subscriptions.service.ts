import { Inject, Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { AppError } from '../../common/errors/app-error.js';
import type { OrderKind } from '../../orders/order-status.js';
import { SubscribeGrant } from './subscribe-grant.entity.js';

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * The acceptances users gave in `requestSubscribeMessage`, counted per template: one 允许 lets one
 * message go. Counted here so that a user who refused costs no WeChat call, and the counts are
 * corrected from WeChat's own answers (43101).
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The template ids the mini-program should ask for when the user submits an order of `kinds`. */
  templatesFor(kinds: OrderKind[]): string[] {
    return [...new Set(kinds.map((kind) => this.config.subscribe.templates[kind]).filter((id): id is string => !!id))];
  }

  /** Records what the user answered for each template (only our templates are accepted). */
  async record(userId: number, answers: { templateId: string; answer: SubscribeAnswer }[]): Promise<void> {
    const known = new Set(Object.values(this.config.subscribe.templates));
    const unknown = answers.find((entry) => !known.has(entry.templateId));
    if (unknown) throw AppError.badRequest('UNKNOWN_TEMPLATE', '订阅的消息类型不存在，请更新小程序后重试');
    const repository = this.dataSource.getRepository(SubscribeGrant);
    for (const { templateId, answer } of answers) {
      const now = new Date();
      const existing = await repository.findOneBy({ userId, templateId });
      if (!existing) {
        await repository.insert({
          userId,
          templateId,
          remaining: answer === 'accept' ? 1 : 0,
          lastResult: answer,
          updatedAt: now,
        });
      } else if (answer === 'accept') {
        await repository.increment({ id: existing.id }, 'remaining', 1);
        await repository.update({ id: existing.id }, { lastResult: answer, updatedAt: now });
      } else {
        // A refusal now does not take back acceptances given earlier (WeChat keeps them too), but
        // `ban` (the user switched the messages off) does.
        await repository.update(
          { id: existing.id },
          { lastResult: answer, updatedAt: now, ...(answer === 'ban' ? { remaining: 0 } : {}) },
        );
      }
    }
  }

  /** Spends one acceptance if there is one; answers whether there was. The conditional update decides races. */
  async take(userId: number, templateId: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(SubscribeGrant)
      .decrement({ userId, templateId, remaining: MoreThan(0) }, 'remaining', 1);
    return (result.affected ?? 0) > 0;
  }

  async giveBack(userId: number, templateId: string): Promise<void> {
    await this.dataSource.getRepository(SubscribeGrant).increment({ userId, templateId }, 'remaining', 1);
  }

  /** WeChat says the user has no acceptance left (43101): believe it. */
  async refused(userId: number, templateId: string): Promise<void> {
    await this.dataSource
      .getRepository(SubscribeGrant)
      .update({ userId, templateId }, { remaining: 0, lastResult: 'refused', updatedAt: new Date() });
  }
}
