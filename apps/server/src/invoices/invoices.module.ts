import { Module } from '@nestjs/common';
import { YundouClient } from '@banshi/vendor-clients/yundou';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { VendorCallObserver } from '../observability/vendor-call-observer.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { InvoiceCallbacks } from './invoice-callbacks.service.js';
import { InvoiceQueriesService } from './invoice-queries.service.js';
import { InvoiceOrderView } from './invoice-order-view.js';
import { InvoicePaidService } from './invoice-paid.service.js';
import { InvoiceReimbursementsService } from './invoice-reimbursements.service.js';
import { InvoiceResultsService } from './invoice-results.service.js';
import { InvoiceScansService } from './invoice-scans.service.js';
import { InvoiceUploader } from './invoice-upload.js';
import { InvoicesCallbackRoutes } from './invoices-callback.routes.js';
import { MerchantInvoicesController } from './invoices-merchant.controller.js';
import { InvoicesController } from './invoices.controller.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { INVOICES_ENTITIES } from './invoices.entities.js';

/** 票据识别: bill photos and invoice QR codes turned into typed bills, duplicates flagged, exported. */
@Module({
  imports: [TypeOrmModule.forFeature(INVOICES_ENTITIES)],
  controllers: [InvoicesController, MerchantInvoicesController],
  providers: [
    InvoicesCallbackRoutes,
    {
      provide: YundouClient,
      inject: [VENDOR_SETTINGS, APP_CONFIG, VendorCallObserver],
      // Uploads carry up to 2 MB of base64: give them time, and retry (the oid makes it safe).
      useFactory: (settings: AvailableVendors, config: AppConfig, observer: VendorCallObserver) =>
        new YundouClient({
          ...requireVendor(settings, 'yundou'),
          timeoutMs: config.vendorTimeoutMs ?? 20_000,
          maxRetries: 2,
          observer,
        }),
    },
    InvoiceResultsService,
    InvoiceCallbacks,
    InvoiceUploader,
    InvoiceScansService,
    InvoicePaidService,
    InvoiceQueriesService,
    InvoiceReimbursementsService,
    InvoiceOrderView,
  ],
})
export class InvoicesModule {}
