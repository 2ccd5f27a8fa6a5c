import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallbackRouter } from '../callbacks/callback-router.js';
import { ZjzCallbackHandler } from './zjz-callback.handler.js';

/** zjzapi's 订单状态通知, posted to the notice_url given with each submission. */
@Injectable()
export class ZjzCallbackRoutes implements OnModuleInit {
  constructor(
    private readonly router: CallbackRouter,
    private readonly handler: ZjzCallbackHandler,
  ) {}

  onModuleInit(): void {
    this.router.mount({ path: 'zjz/:token', handler: this.handler });
  }
}
