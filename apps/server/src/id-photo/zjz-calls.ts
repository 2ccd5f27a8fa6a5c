import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CallSettlers } from '../outgoing-calls/call-settlers.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import type { ZjzSubmission } from './entities/zjz-submission.entity.js';
import { ZJZ_UNCONFIRMED_WINDOW_MS } from './zjz-unconfirmed.js';

export type ZjzOperation = 'submit' | 'resubmit';

const SUBJECT_KIND = 'zjz_submission';

/**
 * 《提交订单》 and its resubmission through the ledger, about their submission round (whose
 * notice_url token is the only thing that ties a callback to it). zjzapi has no query and no
 * idempotency key: a lost answer is settled by the round's first callback, or, after the window in
 * which the vendor always calls back, by a person looking in the zjzapi console.
 */
@Injectable()
export class ZjzCalls implements OnModuleInit {
  constructor(
    private readonly ledger: OutgoingCallLedger,
    private readonly settlers: CallSettlers,
  ) {}

  onModuleInit(): void {
    for (const operation of ['submit', 'resubmit'] as const) {
      this.settlers.register('zjz', operation, {
        windowMs: ZJZ_UNCONFIRMED_WINDOW_MS,
        advice:
          '证件照服务商没有查询接口，且超过一天未回调：请在 zjzapi 后台按提交时间查找该回执订单。查到选「已受理」（并联系服务商补发回调），查不到选「未受理」',
      });
    }
  }

  /** Sends one round: intent before, outcome after (unknown when no answer came). */
  send<T>(operation: ZjzOperation, submission: ZjzSubmission, call: () => Promise<T>): Promise<T> {
    return this.ledger.run(
      {
        vendor: 'zjz',
        operation,
        subjectKind: SUBJECT_KIND,
        subjectId: String(submission.id),
        key: `zjz:${operation}:${submission.id}`,
        request: { round: submission.round, orderId: submission.orderId },
      },
      call,
      (answer) => ({ orderNo: (answer as { orderNo?: string }).orderNo }),
    );
  }

  /** A callback to the round's notice_url: the vendor has it, whatever its answer said. */
  async confirmed(manager: EntityManager, submission: ZjzSubmission, orderNo: string): Promise<void> {
    await this.ledger.settleSubject(
      manager,
      { vendor: 'zjz', subjectKind: SUBJECT_KIND, subjectId: String(submission.id) },
      { result: 'succeeded', summary: { orderNo } },
    );
  }
}
