import { Body, Controller, HttpCode, Inject, Ip, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { AuthenticatedMerchant } from '../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard, Roles } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { MERCHANT_AUDIT, type MerchantAuditSink } from '../auth/merchant-audit.js';
import { MerchantRefundDto, MerchantRefundRequestDto } from './dto/refund.dto.js';
import { Payment } from './entities/payment.entity.js';
import { paymentView } from './payment-view.js';
import { RefundsService } from './refunds.service.js';
import { REFUND_KEYS } from './refund-keys.js';

const orderId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/orders')
export class MerchantRefundsController {
  constructor(
    private readonly refunds: RefundsService,
    @Inject(MERCHANT_AUDIT) private readonly audit: MerchantAuditSink,
    private readonly dataSource: DataSource,
  ) {}

  @Post(':orderId/refunds')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Refund part or all of a paid order (owner only, audited); never more than is left to refund',
  })
  @ApiOkResponse({ type: MerchantRefundDto })
  @ApiForbiddenResponse({ description: 'Staff accounts' })
  async refund(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Param('orderId', orderId) id: number,
    @Body() body: MerchantRefundRequestDto,
    @Ip() ip: string,
  ): Promise<MerchantRefundDto> {
    const refund = await this.refunds.refund(
      id,
      body.amountFen,
      body.reason,
      `${REFUND_KEYS.merchant}${body.requestId}`,
      'merchant',
    );
    await this.audit.recordFor(
      merchant,
      'order_refund',
      `order:${id}`,
      { amountFen: body.amountFen, reason: body.reason, outRefundNo: refund.outRefundNo },
      ip,
    );
    const payment = await this.dataSource.getRepository(Payment).findOneByOrFail({ orderId: id });
    const { outRefundNo, amountFen, reason, status } = refund;
    return { outRefundNo, amountFen, reason, status, payment: paymentView(payment) };
  }
}
