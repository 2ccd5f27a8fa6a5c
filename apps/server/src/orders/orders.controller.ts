import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { MyOrdersQueryDto, OrderDetailDto, OrderPageDto } from './dto/order.dto.js';
import { OrdersService } from './orders.service.js';

const orderId = new ParseIntPipe({ exceptionFactory: () => AppError.notFound('订单不存在') });

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @ApiOkResponse({ type: OrderPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: MyOrdersQueryDto): Promise<OrderPageDto> {
    return this.orders.listForUser(user.id, query.cursor, query.limit, query.status);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrderDetailDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', orderId) id: number): Promise<OrderDetailDto> {
    return this.orders.getForUser(user.id, id);
  }
}
