import { Global, Module } from '@nestjs/common';
import { FulfilmentService } from './fulfilment.service.js';
import { PaidServices } from './paid-services.js';
import { PaymentCallSettlers } from './payment-calls.js';
import { PaymentWorker } from './payment-worker.js';
import { PaymentsController } from './payments.controller.js';
import { orderPayablesProvider } from './order-payables.provider.js';
import { PaymentsService } from './payments.service.js';
import { MerchantPaymentsController } from './merchant/merchant-payments.controller.js';
import { MerchantPaymentsService } from './merchant/merchant-payments.service.js';
import { MerchantRefundsController } from './merchant-refunds.controller.js';
import { MerchantPricesController, PricesController } from './prices.controller.js';
import { PricesService } from './prices.service.js';
import { ReconciliationController } from './reconciliation/reconciliation.controller.js';
import { ReconciliationJob } from './reconciliation/reconciliation-job.js';
import { ReconciliationQueries } from './reconciliation/reconciliation-queries.js';
import { ReconciliationService } from './reconciliation/reconciliation.service.js';
import { RefundsService } from './refunds.service.js';
import { WechatPayCallbackRoutes } from './wechatpay-callback.routes.js';
import { wechatPayClientProvider } from './wechatpay-client.js';
import { WechatPayNotifyHandler } from './wechatpay-notify.handler.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PAYMENTS_ENTITIES } from './payments.entities.js';

/**
 * Payments core, shared by every priced service like `orders`: prices, WeChat Pay payments and
 * refunds, the notification route, and the worker that calls a service once its order is paid.
 * A service injects `PricesService`, `PaymentsService`, `RefundsService` and registers itself
 * with `PaidServices`. The merchant's side (the payments list and the order view's 支付 section)
 * is in `merchant/`; the daily reconciliation with WeChat Pay's bill in `reconciliation/`.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(PAYMENTS_ENTITIES)],
  controllers: [
    PaymentsController,
    PricesController,
    MerchantPricesController,
    MerchantRefundsController,
    MerchantPaymentsController,
    ReconciliationController,
  ],
  providers: [
    orderPayablesProvider,
    wechatPayClientProvider,
    PaidServices,
    PricesService,
    PaymentsService,
    RefundsService,
    FulfilmentService,
    PaymentWorker,
    WechatPayNotifyHandler,
    WechatPayCallbackRoutes,
    MerchantPaymentsService,
    ReconciliationService,
    ReconciliationQueries,
    ReconciliationJob,
    PaymentCallSettlers,
  ],
  exports: [
    orderPayablesProvider,
    PaidServices,
    PricesService,
    PaymentsService,
    RefundsService,
    FulfilmentService,
    PaymentWorker,
    MerchantPaymentsService,
    ReconciliationService,
    ReconciliationQueries,
  ],
})
export class PaymentsModule {}
