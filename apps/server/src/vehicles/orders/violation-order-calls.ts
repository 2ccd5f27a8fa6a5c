import { Injectable, OnModuleInit } from '@nestjs/common';
import { CallSettlers } from '../../outgoing-calls/call-settlers.js';
import type { CallIntent } from '../../outgoing-calls/outgoing-call-ledger.service.js';
import type { ViolationOrder } from '../entities/violation-order.entity.js';

export const VIOLATION_ORDER_OPERATION = 'violation-order';

/** 《创建代缴订单》 of one attempt, under its fixed outOrderNo (our order no). */
export function violationOrderIntent(detail: ViolationOrder): CallIntent {
  return {
    vendor: 'docloud',
    operation: VIOLATION_ORDER_OPERATION,
    subjectKind: 'order',
    subjectId: detail.outOrderNo,
    key: `docloud:violation-order:${detail.outOrderNo}`,
    request: {
      violations: detail.items.length,
      totalFen: detail.totalFen,
      deductSelf: detail.deductSelf,
      paymentMode: detail.paymentMode,
    },
  };
}

/**
 * Docloud cannot be asked about an order by our number, so a create call with a lost answer is
 * settled by the order's first callback (adopted by its violations' codes, order-callback.handler.ts),
 * by a resend under the same outOrderNo (created, or 1117: it exists), or by a person. Docloud
 * calls back as soon as it takes a credit order; a day of silence is a person's to look up.
 */
@Injectable()
export class ViolationOrderCallSettlers implements OnModuleInit {
  constructor(private readonly settlers: CallSettlers) {}

  onModuleInit(): void {
    this.settlers.register('docloud', VIOLATION_ORDER_OPERATION, {
      windowMs: 24 * 3_600_000,
      advice:
        '懂云无法按我方单号查询订单：请在懂云后台（或联系懂云客服）按商户订单号查询是否已下单。已下单选「已受理」，并在订单详情中跟进；未下单选「未受理」，用户可重新提交',
    });
  }
}
