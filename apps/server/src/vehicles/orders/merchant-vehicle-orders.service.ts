import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { Order } from '../../orders/order.entity.js';
import { OrdersService } from '../../orders/orders.service.js';
import { PaymentsService } from '../../payments/payments.service.js';
import type { MerchantVehicleOrderDto } from '../dto/order.dto.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { toMerchantVehicleOrderDto } from './order-view.js';

/** The merchant console's view of a violation-payment order. */
@Injectable()
export class MerchantVehicleOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
  ) {}

  async get(orderId: number): Promise<MerchantVehicleOrderDto> {
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId, kind: 'violation_payment' });
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneBy({ orderId });
    if (!order || !detail) throw AppError.notFound('违章代缴订单不存在');
    const { events } = await this.orders.getForMerchant(orderId);
    return toMerchantVehicleOrderDto(order, detail, events, await this.payments.forOrder(orderId));
  }
}
