import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, MerchantAuthGuard, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { CreateViolationOrderDto, MerchantVehicleOrderDto, VehicleOrderDto } from './dto/order.dto.js';
import { MerchantVehicleOrdersService } from './orders/merchant-vehicle-orders.service.js';
import { ViolationOrdersService } from './orders/violation-orders.service.js';

const orderId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });

@ApiTags('vehicles')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('vehicles/orders')
export class VehicleOrdersController {
  constructor(private readonly orders: ViolationOrdersService) {}

  @Post()
  @ApiOperation({
    summary: 'Pay the chosen violations through an agency order',
    description:
      'Idempotent by the Idempotency-Key header (or idempotencyKey in the body): a retry returns the same order',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–64 of A-Z a-z 0-9 _ -' })
  @ApiCreatedResponse({ type: VehicleOrderDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateViolationOrderDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<VehicleOrderDto> {
    return this.orders.create(user.id, body, key);
  }

  @Get(':id')
  @ApiOkResponse({ type: VehicleOrderDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', orderId) id: number): Promise<VehicleOrderDto> {
    return this.orders.view(user.id, id);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the vendor for the order status now (for a late callback)' })
  @ApiOkResponse({ type: VehicleOrderDto })
  refresh(@CurrentUser() user: AuthenticatedUser, @Param('id', orderId) id: number): Promise<VehicleOrderDto> {
    return this.orders.refresh(user.id, id);
  }
}

@ApiTags('merchant')
@ApiBearerAuth()
@UseGuards(MerchantAuthGuard)
@Controller('merchant/vehicles/orders')
export class MerchantVehicleOrdersController {
  constructor(private readonly orders: MerchantVehicleOrdersService) {}

  @Get(':orderId')
  @ApiOperation({
    summary: 'A violation-payment order for the merchant: masked plate, violations, amounts, vendor ids',
  })
  @ApiOkResponse({ type: MerchantVehicleOrderDto })
  get(@Param('orderId', orderId) id: number): Promise<MerchantVehicleOrderDto> {
    return this.orders.get(id);
  }
}
