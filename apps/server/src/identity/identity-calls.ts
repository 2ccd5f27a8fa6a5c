import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CallSettlers, type SettledOutcome } from '../outgoing-calls/call-settlers.js';
import type { OutgoingCall } from '../outgoing-calls/outgoing-call.entity.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { FulfilmentService } from '../payments/fulfilment.service.js';
import { PaymentWorker } from '../payments/payment-worker.js';
import { IdentityCertification } from './entities/identity-certification.entity.js';
import { IdentityPaidAttempt } from './entities/identity-paid-attempt.entity.js';
import { CERTIFY_OPERATION } from './identity-call-keys.js';
import { IdentityService } from './identity.service.js';

/**
 * Zhima has no query (its document has one method, and a transaction_id sent again is refused as a
 * duplicate) and no callback: a certification whose answer was lost can only be looked up by a
 * person, in the Alipay console, by its transaction_id. The job hands it over after its quiet time.
 */
const CHOICES = [
  { value: 'passed', label: '支付宝有此认证记录：认证通过', result: 'succeeded' as const },
  { value: 'not_passed', label: '支付宝有此认证记录：认证未通过', result: 'succeeded' as const },
  { value: 'no_record', label: '支付宝没有此认证记录（未计费）', result: 'failed' as const },
];

/**
 * A paid attempt whose verdict was lost ends with the verdict the person found (unless a later
 * photo already gave it one); a free attempt's user was told to try again, so only the ledger
 * (what was charged) changes.
 */
@Injectable()
export class IdentityCallSettlers implements OnModuleInit {
  constructor(
    private readonly settlers: CallSettlers,
    private readonly identity: IdentityService,
    private readonly orders: OrdersService,
    private readonly fulfilment: FulfilmentService,
    private readonly worker: PaymentWorker,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.settlers.register('zhima', CERTIFY_OPERATION, {
      windowMs: 0,
      advice:
        '芝麻认证没有查询接口：请登录支付宝开放平台（芝麻认证的调用/计费记录），按 transaction_id 查这次认证是否发生及其结果',
      choices: CHOICES,
      apply: (manager, call, outcome) => this.apply(manager, call, outcome),
      after: async (call) => {
        if (call.subjectKind !== 'order') return;
        const order = await this.orderOf(call);
        if (!order) return;
        await this.fulfilment.wake(order.id);
        this.worker.kick();
      },
    });
  }

  private async apply(manager: EntityManager, call: OutgoingCall, outcome: SettledOutcome): Promise<void> {
    if (call.subjectKind !== 'order') return;
    const order = await manager.findOneBy(Order, { orderNo: call.subjectId });
    if (!order) return;
    const transactionId = JSON.parse(call.requestSummary ?? '{}').transactionId as string;
    const known = await manager.countBy(IdentityCertification, { orderId: order.id });
    const attempt = await manager.findOneBy(IdentityPaidAttempt, { orderId: order.id });
    if (outcome.result === 'failed' || known > 0 || !attempt || attempt.refusedReason !== null) {
      await this.orders.note(manager, order.id, 'vendor_confirmed', {
        actor: 'merchant',
        message: `商户核实了一次未收到结果的认证（${transactionId}）：${outcomeLabel(outcome.choice)}`,
      });
      return;
    }
    const passed = outcome.choice === 'passed';
    await this.identity.store(manager, {
      userId: attempt.userId,
      name: attempt.certName,
      idNumber: attempt.certNo,
      certNoIndex: attempt.certNoIndex,
      transactionId,
      // The biz_no never reached us: the transaction_id it answered stands for it.
      result: { bizNo: transactionId, passed, failedReason: passed ? undefined : '认证未通过（商户在支付宝核实）' },
      orderId: order.id,
    });
  }

  private orderOf(call: OutgoingCall): Promise<Order | null> {
    return this.dataSource.getRepository(Order).findOneBy({ orderNo: call.subjectId });
  }
}

function outcomeLabel(choice: string | undefined): string {
  return CHOICES.find((each) => each.value === choice)?.label ?? '未成功';
}
