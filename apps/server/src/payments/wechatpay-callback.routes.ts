import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallbackRouter } from '../callbacks/callback-router.js';
import { PaymentWorker } from './payment-worker.js';
import { WechatPayNotifyHandler } from './wechatpay-notify.handler.js';

/** The `notify_url` of every prepay and refund. */
@Injectable()
export class WechatPayCallbackRoutes implements OnModuleInit {
  constructor(
    private readonly router: CallbackRouter,
    private readonly handler: WechatPayNotifyHandler,
    private readonly worker: PaymentWorker,
  ) {}

  onModuleInit(): void {
    this.router.mount({
      path: 'wechatpay/notify',
      handler: this.handler,
      // Committed and answered: the paid order's service (or the refund) goes on now.
      onAnswered: (answer) => {
        if (answer.status < 300) this.worker.kick();
      },
    });
  }
}
