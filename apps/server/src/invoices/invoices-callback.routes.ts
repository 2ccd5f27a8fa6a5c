import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallbackRouter } from '../callbacks/callback-router.js';
import { InvoiceCallbacks } from './invoice-callbacks.service.js';

/**
 * The `c-url` of each Yundou upload: `/api/callbacks/yundou/bill/<token>` (发票信息同步) and
 * `/api/callbacks/yundou/qr/<token>` (二维码信息同步). Bodies arrive raw; the inbox verifies the token,
 * stores, applies once, and only then answers.
 */
@Injectable()
export class InvoicesCallbackRoutes implements OnModuleInit {
  constructor(
    private readonly router: CallbackRouter,
    private readonly callbacks: InvoiceCallbacks,
  ) {}

  onModuleInit(): void {
    this.router.mount({ path: 'yundou/bill/:token', handler: this.callbacks.bill });
    this.router.mount({ path: 'yundou/qr/:token', handler: this.callbacks.qr });
  }
}
