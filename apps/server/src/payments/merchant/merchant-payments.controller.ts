import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MerchantAuthGuard } from '../../auth/guards.js';
import { MerchantPaymentPageDto, MerchantPaymentQueryDto } from './merchant-payment.dto.js';
import { MerchantPaymentsService } from './merchant-payments.service.js';

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/payments')
export class MerchantPaymentsController {
  constructor(private readonly payments: MerchantPaymentsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Payments of every priced order with their refunds, newest first, keyset-paged like the orders; owner and staff',
  })
  @ApiOkResponse({ type: MerchantPaymentPageDto })
  list(@Query() query: MerchantPaymentQueryDto): Promise<MerchantPaymentPageDto> {
    return this.payments.list(query);
  }
}
