import { Injectable, Logger } from '@nestjs/common';
import { VendorError } from '@banshi/vendor-clients';
import { DataSource } from 'typeorm';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { AppError } from '../../common/errors/app-error.js';
import { vendorErrorToAppError } from '../../common/errors/vendor-error-mapping.js';
import { Transactions } from '../../database/transactions.js';
import { KIND_LABELS } from '../../orders/order-status.js';
import { OrderStatusRefreshers } from '../../orders/order-status-refresher.js';
import { Order } from '../../orders/order.entity.js';
import { OrdersService, toMerchantSummary } from '../../orders/orders.service.js';
import { MerchantAuditService } from '../audit/merchant-audit.service.js';
import type { RefreshedOrderDto } from '../dto/merchant-order.dto.js';

/**
 * "Ask the vendor": runs the kind's `OrderStatusRefresher` for one order, notes the merchant's
 * action on the order's timeline and in the audit log, whatever the vendor answered.
 */
@Injectable()
export class OrderStatusQueryService {
  private readonly logger = new Logger(OrderStatusQueryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly refreshers: OrderStatusRefreshers,
    private readonly audit: MerchantAuditService,
  ) {}

  async refresh(merchant: AuthenticatedMerchant, orderId: number, ip: string): Promise<RefreshedOrderDto> {
    const before = await this.dataSource.getRepository(Order).findOneBy({ id: orderId });
    if (!before) throw AppError.notFound('订单不存在');
    const refresher = this.refreshers.get(before.kind);
    if (!refresher) {
      const details = { orderNo: before.orderNo, kind: before.kind, ok: false, reason: 'no_query_api' };
      await this.audit.recordFor(merchant, 'order_status_query', `order:${orderId}`, details, ip);
      throw AppError.conflict(
        'NO_STATUS_QUERY',
        `${KIND_LABELS[before.kind]}的服务商没有提供状态查询接口，请等待服务商回调；长时间无变化请联系服务商`,
      );
    }
    let failure: AppError | undefined;
    try {
      await refresher.refresh(orderId);
    } catch (error) {
      failure = this.toAppError(error, KIND_LABELS[before.kind]);
    }
    const after = await this.dataSource.getRepository(Order).findOneByOrFail({ id: orderId });
    const changed = after.status !== before.status || after.progress !== before.progress;
    const message = failure
      ? `商户向服务商查询状态失败：${failure.message}`.slice(0, 255)
      : changed
        ? '商户向服务商查询了最新状态，状态已更新'
        : '商户向服务商查询了最新状态，没有变化';
    await this.transactions.run((manager) =>
      this.orders.note(manager, orderId, 'merchant_status_query', { actor: 'merchant', message }),
    );
    await this.audit.recordFor(
      merchant,
      'order_status_query',
      `order:${orderId}`,
      { orderNo: after.orderNo, kind: after.kind, ok: !failure, changed, status: after.status },
      ip,
    );
    if (failure) throw failure;
    return { order: toMerchantSummary(after), changed };
  }

  private toAppError(error: unknown, serviceName: string): AppError {
    if (error instanceof AppError || error instanceof VendorError) return vendorErrorToAppError(error, serviceName);
    this.logger.error({ err: error }, 'status refresher failed');
    return AppError.vendorUnavailable(`${serviceName}暂时无法查询状态，请稍后重试`);
  }
}
