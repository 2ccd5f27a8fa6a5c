import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import { rawCallbackFrom } from '../callbacks/raw-callback.js';
import { InvoiceCallbacks } from './invoice-callbacks.service.js';

/**
 * The `c-url` of each Yundou upload: `/api/callbacks/yundou/bill/<token>` (发票信息同步) and
 * `/api/callbacks/yundou/qr/<token>` (二维码信息同步). Bodies arrive raw; the inbox verifies the token,
 * stores, applies once, and only then answers.
 */
@ApiExcludeController()
@Controller('callbacks/yundou')
export class InvoicesCallbackController {
  constructor(
    private readonly inbox: CallbackInbox,
    private readonly callbacks: InvoiceCallbacks,
  ) {}

  @Post('bill/:token')
  @HttpCode(200)
  async bill(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.inbox.receive(this.callbacks.bill, rawCallbackFrom(request, { token }));
    response.status(answer.status).json(answer.body);
  }

  @Post('qr/:token')
  @HttpCode(200)
  async qr(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.inbox.receive(this.callbacks.qr, rawCallbackFrom(request, { token }));
    response.status(answer.status).json(answer.body);
  }
}
