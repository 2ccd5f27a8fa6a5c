import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  verifyWechatPayNotification,
  WECHATPAY_NOTIFY_SUCCESS,
  wechatpayNotifyFailure,
  type WechatPayNotificationEvent,
} from '@banshi/vendor-clients/wechatpay';
import type { ApplyResult, CallbackAnswer, CallbackHandler, VerifiedCallback } from '../callbacks/callback-handler.js';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import type { RawCallback } from '../callbacks/vendor-event.entity.js';
import type { VendorSettings } from '../config/app-config.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { PREPAY_OPERATION, REFUND_OPERATION } from './payment-call-keys.js';
import { PaymentsService } from './payments.service.js';
import { RefundsService } from './refunds.service.js';

/**
 * 支付通知 (TRANSACTION.SUCCESS) and 退款结果通知 (REFUND.*) at `/api/callbacks/wechatpay/notify`:
 * the signature over the raw body is verified and the resource decrypted; the notification `id`
 * (the same on every retry) is the dedupe key. Answered as the document says: 204 without a body
 * when stored and applied, a 4xx/5xx with `{"code":"FAIL","message":…}` otherwise (WeChat Pay
 * sends it again on its schedule).
 */
@Injectable()
export class WechatPayNotifyHandler implements CallbackHandler<WechatPayNotificationEvent>, OnModuleInit {
  readonly vendor = 'wechatpay';
  readonly topic = 'notify';
  private readonly keys: VendorSettings['wechatpay'];

  constructor(
    @Inject(VENDOR_SETTINGS) settings: AvailableVendors,
    private readonly inbox: CallbackInbox,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
    private readonly ledger: OutgoingCallLedger,
  ) {
    this.keys = requireVendor(settings, 'wechatpay');
  }

  onModuleInit(): void {
    this.inbox.register(this);
  }

  verify(raw: RawCallback): VerifiedCallback<WechatPayNotificationEvent> {
    const event = verifyWechatPayNotification(
      { headers: raw.headers, rawBody: raw.body },
      {
        platformPublicKey: this.keys.platformPublicKey,
        platformPublicKeyId: this.keys.platformPublicKeyId,
        apiV3Key: this.keys.apiV3Key,
        mchid: this.keys.mchid,
        clock: this.keys.clock,
      },
    );
    const summary =
      event.kind === 'transaction'
        ? { type: event.eventType, outTradeNo: event.outTradeNo, totalFen: event.totalFen }
        : { type: event.eventType, outRefundNo: event.outRefundNo, refundFen: event.refundFen };
    return { dedupeKey: `wechatpay:${event.id}`, event, summary };
  }

  async apply(
    event: WechatPayNotificationEvent,
    { manager, vendorEventId }: Parameters<CallbackHandler['apply']>[1],
  ): Promise<ApplyResult> {
    const outcome =
      event.kind === 'transaction'
        ? await this.payments.applyPaid(
            manager,
            {
              outTradeNo: event.outTradeNo,
              transactionId: event.transactionId,
              totalFen: event.totalFen,
              successTime: event.successTime,
            },
            { source: '支付通知', vendorEventId },
          )
        : await this.refunds.applyStatus(manager, event.outRefundNo, event.status, {
            refundId: event.refundId,
            successTime: event.successTime,
            vendorEventId,
          });
    // The notification proves the call it follows arrived: a prepay or refund whose answer was lost is settled.
    const subject =
      event.kind === 'transaction'
        ? { subjectKind: 'payment', subjectId: event.outTradeNo, operations: [PREPAY_OPERATION] }
        : { subjectKind: 'refund', subjectId: event.outRefundNo, operations: [REFUND_OPERATION] };
    await this.ledger.settleSubject(
      manager,
      { vendor: 'wechatpay', ...subject },
      { result: 'succeeded', summary: { notification: event.eventType } },
    );
    const orderId = await this.payments.orderIdOf(manager, event.outTradeNo);
    return { orderId, outcome };
  }

  acknowledge(): CallbackAnswer {
    return { status: WECHATPAY_NOTIFY_SUCCESS.status, body: '' };
  }

  failure(): CallbackAnswer {
    const answer = wechatpayNotifyFailure('失败', 500);
    return { status: answer.status, body: answer.body };
  }

  rejection(): CallbackAnswer {
    const answer = wechatpayNotifyFailure('签名验证失败', 401);
    return { status: answer.status, body: answer.body };
  }
}
