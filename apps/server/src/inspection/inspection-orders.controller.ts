import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, MerchantAuthGuard, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { PageQueryDto } from '../orders/dto/page-query.dto.js';
import {
  CreateInspectionOrderDto,
  InspectionOrderDto,
  InspectionOrderPageDto,
  MerchantInspectionOrderDto,
} from './dto/order.dto.js';
import { InspectionOrders } from './inspection-orders.service.js';

const orderId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });

@ApiTags('inspection')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('inspection/orders')
export class InspectionOrdersController {
  constructor(private readonly orders: InspectionOrders) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Place a 免检 order (《确认订单接口》). A vendor refusal is 422 with its message, an outage 503; neither stores anything',
  })
  @ApiCreatedResponse({ type: InspectionOrderDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateInspectionOrderDto): Promise<InspectionOrderDto> {
    return this.orders.create(user.id, body);
  }

  @Get()
  @ApiOkResponse({ type: InspectionOrderPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<InspectionOrderPageDto> {
    return this.orders.listForUser(user.id, query.cursor, query.limit);
  }

  @Get(':id')
  @ApiOkResponse({ type: InspectionOrderDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', orderId) id: number): Promise<InspectionOrderDto> {
    return this.orders.getForUser(user.id, id);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask Docloud for the latest status of my order now' })
  @ApiOkResponse({ type: InspectionOrderDto })
  refresh(@CurrentUser() user: AuthenticatedUser, @Param('id', orderId) id: number): Promise<InspectionOrderDto> {
    return this.orders.refreshForUser(user.id, id);
  }
}

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/inspection/orders')
export class MerchantInspectionController {
  constructor(private readonly orders: InspectionOrders) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'An inspection order with its details, personal data masked' })
  @ApiOkResponse({ type: MerchantInspectionOrderDto })
  get(@Param('orderId', orderId) id: number): Promise<MerchantInspectionOrderDto> {
    return this.orders.getForMerchant(id);
  }
}
