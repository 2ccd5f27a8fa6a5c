import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { vendorErrorToAppError } from '../../common/errors/vendor-error-mapping.js';
import { OrderStatusRefreshers, type OrderStatusRefresher } from '../../orders/order-status-refresher.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { OrderUpdatesService } from './order-updates.service.js';

/** Lets the merchant console ask Docloud for a violation order's status (the same query as the fallback job). */
@Injectable()
export class ViolationOrderStatusRefresher implements OrderStatusRefresher, OnModuleInit {
  readonly kind = 'violation_payment' as const;

  constructor(
    private readonly refreshers: OrderStatusRefreshers,
    private readonly updates: OrderUpdatesService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.refreshers.register(this);
  }

  async refresh(orderId: number): Promise<void> {
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneBy({ orderId });
    if (!detail) throw AppError.notFound('找不到该违章代缴订单的详情');
    try {
      await this.updates.refresh(detail.userId, orderId);
    } catch (error) {
      throw vendorErrorToAppError(error, '违章代缴服务');
    }
  }
}
