import { Global, Module } from '@nestjs/common';
import { MerchantOrdersController, OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

@Global()
@Module({
  controllers: [OrdersController, MerchantOrdersController],
  providers: [OrdersService],
  exports: [OrdersService],
})
export class OrdersModule {}
