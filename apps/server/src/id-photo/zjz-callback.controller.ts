import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import { rawCallbackFrom } from '../callbacks/raw-callback.js';
import { ZjzCallbackHandler } from './zjz-callback.handler.js';

/** zjzapi's 订单状态通知, posted to the notice_url given with each submission. */
@ApiExcludeController()
@Controller('callbacks/zjz')
export class ZjzCallbackController {
  constructor(
    private readonly inbox: CallbackInbox,
    private readonly handler: ZjzCallbackHandler,
  ) {}

  @Post(':token')
  async receive(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.inbox.receive(this.handler, rawCallbackFrom(request, { token }));
    response.status(answer.status).json(answer.body);
  }
}
