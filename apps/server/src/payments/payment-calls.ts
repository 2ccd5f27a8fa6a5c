import { Injectable, OnModuleInit } from '@nestjs/common';
import { VendorApiError } from '@banshi/vendor-clients';
import { WechatPayClient } from '@banshi/vendor-clients/wechatpay';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions.js';
import { CallSettlers, type SettledOutcome } from '../outgoing-calls/call-settlers.js';
import type { OutgoingCall } from '../outgoing-calls/outgoing-call.entity.js';
import { Refund } from './entities/refund.entity.js';
import { PREPAY_OPERATION, REFUND_OPERATION } from './payment-call-keys.js';
import { PaymentsService } from './payments.service.js';
import { RefundsService } from './refunds.service.js';

/**
 * WeChat Pay answers 查询订单 and 查询单笔退款 at any time, so both are settled by query; a query
 * that keeps failing for this long (WeChat Pay down, or a key problem) is a person's to look up.
 */
const WECHATPAY_WINDOW_MS = 30 * 60_000;

/**
 * How the ledger settles the WeChat Pay calls of this module. A lost prepay answer: the order at
 * WeChat Pay exists or not (the next 去支付 asks again with the same out_trade_no either way); a
 * lost refund answer: the refund exists (its status is applied) or not (it may be sent again).
 */
@Injectable()
export class PaymentCallSettlers implements OnModuleInit {
  constructor(
    private readonly settlers: CallSettlers,
    private readonly client: WechatPayClient,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
    private readonly transactions: Transactions,
  ) {}

  onModuleInit(): void {
    this.settlers.register('wechatpay', PREPAY_OPERATION, {
      windowMs: WECHATPAY_WINDOW_MS,
      advice: '请在微信支付商户平台「交易中心 → 交易订单」按商户订单号查询：查到订单选「已受理」，查不到选「未受理」',
      query: (call) => this.queryPrepay(call),
    });
    this.settlers.register('wechatpay', REFUND_OPERATION, {
      windowMs: WECHATPAY_WINDOW_MS,
      advice:
        '请在微信支付商户平台「交易中心 → 退款管理」按商户退款单号查询：查到退款选「已受理」，查不到选「未受理」（将重新发起退款）',
      query: (call) => this.queryRefund(call),
      apply: (manager, call, outcome) => this.applyRefund(manager, call, outcome),
    });
  }

  private async queryPrepay(call: OutgoingCall): Promise<SettledOutcome> {
    try {
      const transaction = await this.client.queryByOutTradeNo(call.subjectId);
      const applied = await this.payments.applyQueried(transaction);
      return { result: 'succeeded', summary: { tradeState: transaction.trade_state, applied } };
    } catch (error) {
      if (isCode(error, 'ORDER_NOT_EXIST')) return { result: 'failed', summary: { tradeState: 'ORDER_NOT_EXIST' } };
      throw error;
    }
  }

  private async queryRefund(call: OutgoingCall): Promise<SettledOutcome> {
    try {
      const answer = await this.client.queryRefund(call.subjectId);
      const applied = await this.transactions.run((manager) =>
        this.refunds.applyStatus(manager, call.subjectId, answer.status, {
          refundId: answer.refund_id,
          successTime: answer.success_time,
        }),
      );
      return { result: 'succeeded', summary: { status: answer.status, applied } };
    } catch (error) {
      if (isCode(error, 'RESOURCE_NOT_EXISTS')) return { result: 'failed', summary: { status: 'RESOURCE_NOT_EXISTS' } };
      throw error;
    }
  }

  /**
   * WeChat Pay has no such refund: it is sent again at once (the same out_refund_no, so never
   * twice). A person who saw it there: it is under way, and the refunds job asks about it.
   */
  private async applyRefund(manager: EntityManager, call: OutgoingCall, outcome: SettledOutcome): Promise<void> {
    const now = new Date();
    if (outcome.result === 'failed') {
      await manager.update(
        Refund,
        { outRefundNo: call.subjectId, status: 'pending' },
        { nextAttemptAt: now, updatedAt: now },
      );
    } else if (call.settledBy === 'person') {
      await this.refunds.applyStatus(manager, call.subjectId, 'PROCESSING');
    }
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof VendorApiError && error.code === code;
}
