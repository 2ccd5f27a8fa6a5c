import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { PaymentStartDto, PaymentStartRequestDto, PaymentViewDto } from './dto/payment.dto.js';
import { PaymentWorker } from './payment-worker.js';
import { PaymentsService } from './payments.service.js';

@ApiTags('payments')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly worker: PaymentWorker,
  ) {}

  @Get(':orderNo')
  @ApiOperation({ summary: "My order's payment: amount, 待支付 / 已支付 / 退款中 / 已退款" })
  @ApiOkResponse({ type: PaymentViewDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('orderNo') orderNo: string): Promise<PaymentViewDto> {
    return this.payments.view(user.id, orderNo);
  }

  @Post(':orderNo/start')
  @HttpCode(200)
  @ApiOperation({
    summary: '去支付: JSAPI prepay and the signed wx.requestPayment parameters (in sandbox H5, the cashier URL too)',
  })
  @ApiOkResponse({ type: PaymentStartDto })
  start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderNo') orderNo: string,
    @Body() body: PaymentStartRequestDto,
  ): Promise<PaymentStartDto> {
    return this.payments.start(user.id, orderNo, body.returnUrl);
  }

  @Post(':orderNo/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give up an unpaid order: closed at WeChat Pay, then here (a paid one cannot be)' })
  @ApiOkResponse({ type: PaymentViewDto })
  async cancel(@CurrentUser() user: AuthenticatedUser, @Param('orderNo') orderNo: string): Promise<PaymentViewDto> {
    try {
      return await this.payments.cancel(user.id, orderNo);
    } finally {
      // It may have turned out paid meanwhile: its service is owed now.
      this.worker.kick();
    }
  }

  @Post(':orderNo/sync')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back from paying: ask WeChat Pay (查询订单) and apply what it says' })
  @ApiOkResponse({ type: PaymentViewDto })
  async sync(@CurrentUser() user: AuthenticatedUser, @Param('orderNo') orderNo: string): Promise<PaymentViewDto> {
    const view = await this.payments.sync(user.id, orderNo);
    // Paid (the service is owed) or refunding (money for a closed order goes back): carry on now.
    if (!['created', 'paying', 'closed'].includes(view.status)) this.worker.kick();
    return view;
  }
}
