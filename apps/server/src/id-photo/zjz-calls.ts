import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { CallSettlers } from '../outgoing-calls/call-settlers.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import { OPEN_CALL_STATUSES } from '../outgoing-calls/outgoing-call.entity.js';
import { ZjzSubmission } from './entities/zjz-submission.entity.js';
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
    private readonly dataSource: DataSource,
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
        key: callKey(operation, submission.id),
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

  /**
   * Whether the order's last first-round submission must not be sent again yet: the ledger says
   * the vendor may have it (its call is open and younger than the window in which the vendor always
   * calls back) or does have it (settled as received, its callback still to come). A call settled
   * as not received, or silent past the window, may be sent again; so may an order never sent.
   */
  async awaitsCallback(orderId: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const last = await manager.findOne(ZjzSubmission, { where: { orderId, round: 1 }, order: { id: 'DESC' } });
    if (!last || last.vendorOrderNo !== null) return false;
    const call = await this.ledger.byKey(callKey('submit', last.id), manager);
    if (!call) return false;
    if (call.status === 'settled_succeeded') return true;
    if (!OPEN_CALL_STATUSES.includes(call.status)) return false;
    return Date.now() - call.createdAt.getTime() < ZJZ_UNCONFIRMED_WINDOW_MS;
  }

  /** Whether a resubmission of this round was sent and its answer is still unknown to the ledger. */
  async hasOpenRound(orderId: number, round: number): Promise<boolean> {
    const sent = await this.dataSource.getRepository(ZjzSubmission).findBy({ orderId, round, vendorOrderNo: IsNull() });
    for (const submission of sent) {
      const call = await this.ledger.byKey(callKey('resubmit', submission.id));
      if (call && (OPEN_CALL_STATUSES.includes(call.status) || call.status === 'settled_succeeded')) return true;
    }
    return false;
  }
}

function callKey(operation: ZjzOperation, submissionId: number): string {
  return `zjz:${operation}:${submissionId}`;
}
