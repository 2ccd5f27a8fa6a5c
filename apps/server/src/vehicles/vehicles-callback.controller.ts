import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import { rawCallbackFrom } from '../callbacks/raw-callback.js';
import { PaymentWorker } from '../payments/payment-worker.js';
import { OrderCallbackHandler } from './callbacks/order-callback.handler.js';
import { ViolationCallbackHandler } from './callbacks/violation-callback.handler.js';

/**
 * Docloud's two callback URLs (set once in its console): order status changes and monitored
 * violation changes. Verified, stored, applied and only then acknowledged, by the inbox.
 */
@ApiExcludeController()
@Controller('callbacks/docloud')
export class VehiclesCallbackController {
  constructor(
    private readonly inbox: CallbackInbox,
    private readonly orders: OrderCallbackHandler,
    private readonly violations: ViolationCallbackHandler,
    private readonly payments: PaymentWorker,
  ) {}

  @Post('order')
  @HttpCode(200)
  async order(@Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.inbox.receive(this.orders, rawCallbackFrom(request));
    // A prepaid order that ended may owe the user a refund, recorded with the update: sent now.
    if (answer.status < 300) this.payments.kick();
    response.status(answer.status).json(answer.body);
  }

  @Post('violation')
  @HttpCode(200)
  async violation(@Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.inbox.receive(this.violations, rawCallbackFrom(request));
    response.status(answer.status).json(answer.body);
  }
}
