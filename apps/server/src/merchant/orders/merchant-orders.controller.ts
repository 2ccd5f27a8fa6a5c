import { Controller, Get, HttpCode, Ip, Param, ParseIntPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { CurrentMerchant, MerchantAuthGuard } from '../../auth/guards.js';
import { AppError } from '../../common/errors/app-error.js';
import { MerchantOrderPageDto, MerchantOrderQueryDto } from '../../orders/dto/order.dto.js';
import { countByStatus, type MerchantOrderFilter } from '../../orders/merchant-order-query.js';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/order-status.js';
import { OrdersService } from '../../orders/orders.service.js';
import {
  MerchantConsoleOrderDetailDto,
  MerchantOrderCountsDto,
  MerchantOrderExportQueryDto,
  RefreshedOrderDto,
} from '../dto/merchant-order.dto.js';
import { MerchantOrderViewDto } from '../dto/order-view.dto.js';
import { MerchantOrderDetailService } from './merchant-order-detail.service.js';
import { MerchantOrderViewService } from './merchant-order-view.service.js';
import { OrderExportService } from './order-export.service.js';
import { OrderStatusQueryService } from './order-status-query.service.js';

const orderId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });

function filterOf(query: MerchantOrderQueryDto): MerchantOrderFilter {
  const { kind, status, from, to, orderNo, vendorRef, phoneLast4, minAmountFen, maxAmountFen } = query;
  return { kind, status, from, to, orderNo, vendorRef, phoneLast4, minAmountFen, maxAmountFen };
}

/**
 * Every order of every kind for the merchant. The fixed paths (`counts`, `export`) come before
 * `:id` so that they are not taken for an order id.
 */
@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/orders')
export class MerchantOrdersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly details: MerchantOrderDetailService,
    private readonly views: MerchantOrderViewService,
    private readonly exports: OrderExportService,
    private readonly statusQuery: OrderStatusQueryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Orders of every kind, filtered, by time, keyset-paged' })
  @ApiOkResponse({ type: MerchantOrderPageDto })
  list(@Query() query: MerchantOrderQueryDto): Promise<MerchantOrderPageDto> {
    return this.orders.listForMerchant(query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'How many orders match the filters, per status' })
  @ApiOkResponse({ type: MerchantOrderCountsDto })
  async counts(@Query() query: MerchantOrderQueryDto): Promise<MerchantOrderCountsDto> {
    const { total, byStatus } = await countByStatus(this.dataSource, filterOf(query));
    const every = Object.fromEntries(ORDER_STATUSES.map((status) => [status, byStatus[status] ?? 0]));
    return { total, byStatus: every as Record<OrderStatus, number> };
  }

  @Get('export')
  @ApiOperation({
    summary: 'Every order matching the filters (or the selected ids) as CSV (UTF-8 with BOM) or XLSX, masked',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Query() query: MerchantOrderExportQueryDto,
    @Ip() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.exports.stream(
      merchant,
      {
        format: query.format ?? 'csv',
        filter: { ...filterOf(query), ids: query.ids?.split(',').map(Number) },
        sort: query.sort ?? 'desc',
      },
      ip,
      res,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'An order with its timeline, its user (masked) and every vendor callback behind it' })
  @ApiOkResponse({ type: MerchantConsoleOrderDetailDto })
  get(@Param('id', orderId) id: number): Promise<MerchantConsoleOrderDetailDto> {
    return this.details.detail(id);
  }

  @Get(':id/view')
  @ApiOperation({
    summary: 'An order described for a person: labelled sections per kind, the timeline and the vendor events',
  })
  @ApiOkResponse({ type: MerchantOrderViewDto })
  view(@Param('id', orderId) id: number): Promise<MerchantOrderViewDto> {
    return this.views.view(id);
  }

  @Post(':id/refresh-status')
  @HttpCode(200)
  @ApiOperation({ summary: "Ask the vendor for the order's status (kinds whose vendor has a query API)" })
  @ApiOkResponse({ type: RefreshedOrderDto })
  @ApiConflictResponse({ description: 'NO_STATUS_QUERY: the vendor of this kind has no query API' })
  refreshStatus(
    @CurrentMerchant() merchant: AuthenticatedMerchant,
    @Param('id', orderId) id: number,
    @Ip() ip: string,
  ): Promise<RefreshedOrderDto> {
    return this.statusQuery.refresh(merchant, id, ip);
  }
}
