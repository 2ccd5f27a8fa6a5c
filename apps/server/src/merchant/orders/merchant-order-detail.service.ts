import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VendorEvent } from '../../callbacks/vendor-event.entity.js';
import { maskPhone } from '../../common/crypto/masking.js';
import { OrderStatusRefreshers } from '../../orders/order-status-refresher.js';
import { OrdersService } from '../../orders/orders.service.js';
import { User } from '../../users/user.entity.js';
import { CALLBACK_COLUMNS, toCallbackDto } from '../callback-view.js';
import type { MerchantConsoleOrderDetailDto, MerchantOrderUserDto } from '../dto/merchant-order.dto.js';

/** One order for the merchant: the order and its timeline, whose it is (masked), and every callback behind it. */
@Injectable()
export class MerchantOrderDetailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly refreshers: OrderStatusRefreshers,
  ) {}

  async detail(orderId: number): Promise<MerchantConsoleOrderDetailDto> {
    const { order, events } = await this.orders.getForMerchant(orderId);
    const [user, callbacks] = await Promise.all([
      this.user(order.userId),
      this.dataSource
        .getRepository(VendorEvent)
        .find({ where: { orderId }, select: CALLBACK_COLUMNS, order: { id: 'ASC' } }),
    ]);
    return {
      order,
      events,
      user,
      callbacks: callbacks.map(toCallbackDto),
      canRefreshStatus: this.refreshers.has(order.kind),
    };
  }

  private async user(id: number): Promise<MerchantOrderUserDto | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) return null;
    return {
      id: user.id,
      nickname: user.nickname,
      phone: maskPhone(user.phone),
      createdAt: user.createdAt.toISOString(),
    };
  }
}
