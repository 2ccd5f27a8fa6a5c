import { Global, Module } from '@nestjs/common';
import { MERCHANT_AUDIT } from '../auth/merchant-audit.js';
import { MerchantAccountsController } from './accounts/accounts.controller.js';
import { MerchantAccountsService } from './accounts/accounts.service.js';
import { AttentionController } from './attention/attention.controller.js';
import { AttentionService } from './attention/attention.service.js';
import { AuditLogController } from './audit/audit-log.controller.js';
import { MerchantAuditService } from './audit/merchant-audit.service.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { MerchantOrderDetailService } from './orders/merchant-order-detail.service.js';
import { MerchantOrderViewService } from './orders/merchant-order-view.service.js';
import { MerchantOrdersController } from './orders/merchant-orders.controller.js';
import { OrderExportService } from './orders/order-export.service.js';
import { OrderStatusQueryService } from './orders/order-status-query.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MERCHANT_ENTITIES } from './merchant.entities.js';

/**
 * The merchant console: every order in one place with the vendor events behind it, what needs
 * attention, the dashboard, the export, the accounts and the audit log. Global only because it
 * provides `MERCHANT_AUDIT`, through which the login (in auth) is recorded.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(MERCHANT_ENTITIES)],
  controllers: [
    MerchantOrdersController,
    AttentionController,
    DashboardController,
    MerchantAccountsController,
    AuditLogController,
  ],
  providers: [
    MerchantAuditService,
    { provide: MERCHANT_AUDIT, useExisting: MerchantAuditService },
    MerchantOrderDetailService,
    MerchantOrderViewService,
    OrderExportService,
    OrderStatusQueryService,
    AttentionService,
    DashboardService,
    MerchantAccountsService,
  ],
  exports: [MERCHANT_AUDIT, MerchantAuditService],
})
export class MerchantModule {}
