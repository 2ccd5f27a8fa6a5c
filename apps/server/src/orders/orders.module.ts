import { Global, Module } from '@nestjs/common';
import { OrderStatusRefreshers } from './order-status-refresher.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

/** The merchant's order routes (`/api/merchant/orders…`) live in the merchant console module. */
@Global()
@Module({
  controllers: [OrdersController],
  providers: [OrdersService, OrderStatusRefreshers],
  exports: [OrdersService, OrderStatusRefreshers],
})
export class OrdersModule {}
