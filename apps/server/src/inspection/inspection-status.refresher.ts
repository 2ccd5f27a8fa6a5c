import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { OrderStatusRefreshers, type OrderStatusRefresher } from '../orders/order-status-refresher.js';
import { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import { InspectionStatus } from './inspection-status.service.js';

/** Lets the merchant console ask Docloud for an inspection order's status (the same query the job makes). */
@Injectable()
export class InspectionStatusRefresher implements OrderStatusRefresher, OnModuleInit {
  readonly kind = 'inspection' as const;

  constructor(
    private readonly refreshers: OrderStatusRefreshers,
    private readonly status: InspectionStatus,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.refreshers.register(this);
  }

  async refresh(orderId: number): Promise<void> {
    const detail = await this.dataSource.getRepository(InspectionOrderDetail).findOneBy({ orderId });
    if (!detail) throw AppError.notFound('找不到该年检订单的详情');
    try {
      await this.status.refresh(detail);
    } catch (error) {
      throw vendorErrorToAppError(error, '年检服务');
    }
  }
}
