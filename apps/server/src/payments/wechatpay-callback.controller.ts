import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import { rawCallbackFrom } from '../callbacks/raw-callback.js';
import { PaymentWorker } from './payment-worker.js';
import { WechatPayNotifyHandler } from './wechatpay-notify.handler.js';

/** The `notify_url` of every prepay and refund. */
@ApiExcludeController()
@Controller('callbacks/wechatpay')
export class WechatPayCallbackController {
  constructor(
    private readonly inbox: CallbackInbox,
    private readonly handler: WechatPayNotifyHandler,
    private readonly worker: PaymentWorker,
  ) {}

  @Post('notify')
  async receive(@Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.inbox.receive(this.handler, rawCallbackFrom(request));
    if (answer.body === '') response.status(answer.status).end();
    else response.status(answer.status).type('application/json').send(answer.body);
    // Committed and answered: the paid order's service (or the refund) goes on now.
    if (answer.status < 300) this.worker.kick();
  }
}
