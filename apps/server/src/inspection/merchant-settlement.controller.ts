import { Body, Controller, HttpCode, Inject, Ip, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedMerchant } from '../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard, Roles } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { MERCHANT_AUDIT, type MerchantAuditSink } from '../auth/merchant-audit.js';
import { MerchantInspectionOrderDto } from './dto/order.dto.js';
import { AdoptVendorOrderDto, CloseUnknownIdOrderDto } from './dto/settle.dto.js';
import { InspectionOrders } from './inspection-orders.service.js';
import { UnknownIdSettlement } from './unknown-id-settlement.service.js';

const orderId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });

/**
 * Settling a 待核实 inspection order. Owner only: closing refunds money, and a wrong vendor id
 * would attach someone's order to another vendor order; both are audited.
 */
@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/orders')
export class MerchantSettlementController {
  constructor(
    private readonly settlement: UnknownIdSettlement,
    private readonly orders: InspectionOrders,
    @Inject(MERCHANT_AUDIT) private readonly audit: MerchantAuditSink,
  ) {}

  @Post(':orderId/inspection/vendor-order')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary:
      "Adopt Docloud's id for a 待核实 inspection order (checked with Docloud: same user, same plate); the order goes on and its status is read at once",
  })
  @ApiOkResponse({ type: MerchantInspectionOrderDto })
  @ApiConflictResponse({ description: 'ORDER_NOT_UNKNOWN_ID, VENDOR_ORDER_TAKEN' })
  @ApiUnprocessableEntityResponse({ description: 'VENDOR_ORDER_NOT_FOUND, VENDOR_ORDER_MISMATCH' })
  @ApiForbiddenResponse({ description: 'Staff accounts' })
  async adopt(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Param('orderId', orderId) id: number,
    @Body() body: AdoptVendorOrderDto,
    @Ip() ip: string,
  ): Promise<MerchantInspectionOrderDto> {
    await this.settlement.adopt(id, body.vendorOrderId);
    await this.audit.recordFor(
      merchant,
      'order_adopt_vendor_id',
      `order:${id}`,
      { vendorOrderId: body.vendorOrderId },
      ip,
    );
    return this.orders.getForMerchant(id);
  }

  @Post(':orderId/inspection/close')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Close a 待核实 inspection order with a reason; what was paid and not yet refunded is refunded',
  })
  @ApiOkResponse({ type: MerchantInspectionOrderDto })
  @ApiConflictResponse({ description: 'ORDER_NOT_UNKNOWN_ID' })
  @ApiForbiddenResponse({ description: 'Staff accounts' })
  async close(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Param('orderId', orderId) id: number,
    @Body() body: CloseUnknownIdOrderDto,
    @Ip() ip: string,
  ): Promise<MerchantInspectionOrderDto> {
    const { refund } = await this.settlement.close(id, body.reason);
    await this.audit.recordFor(
      merchant,
      'order_close',
      `order:${id}`,
      { reason: body.reason, refundFen: refund?.amountFen ?? 0, outRefundNo: refund?.outRefundNo ?? null },
      ip,
    );
    return this.orders.getForMerchant(id);
  }
}
