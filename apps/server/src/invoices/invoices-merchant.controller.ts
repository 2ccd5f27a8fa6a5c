import { Controller, Get, Param, ParseIntPipe, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MerchantAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { MerchantInvoiceScanDto } from './dto/invoice.dto.js';
import { InvoiceQueriesService } from './invoice-queries.service.js';

const orderId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/invoices')
export class MerchantInvoicesController {
  constructor(private readonly queries: InvoiceQueriesService) {}

  @Get('orders/:orderId')
  @ApiOperation({ summary: 'The typed bill of an invoice_scan order, personal data masked' })
  @ApiOkResponse({ type: MerchantInvoiceScanDto })
  detail(@Param('orderId', orderId) id: number): Promise<MerchantInvoiceScanDto> {
    return this.queries.merchantDetail(id);
  }
}
