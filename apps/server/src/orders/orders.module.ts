import { Global, Module } from '@nestjs/common';
import { OrderStatusEvents } from './order-status-events.js';
import { OrderStatusRefreshers } from './order-status-refresher.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';
import { OrderViewDescribers } from './view/order-view.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ORDERS_ENTITIES } from './orders.entities.js';

/** The merchant's order routes (`/api/merchant/orders…`) live in the merchant console module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ORDERS_ENTITIES)],
  controllers: [OrdersController],
  providers: [OrdersService, OrderStatusRefreshers, OrderViewDescribers, OrderStatusEvents],
  exports: [OrdersService, OrderStatusRefreshers, OrderViewDescribers, OrderStatusEvents],
})
export class OrdersModule {}
