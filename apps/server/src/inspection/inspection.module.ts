import { InspectionCallSettlers } from './inspection-calls.js';
import { InspectionStatusRefresher } from './inspection-status.refresher.js';
import { Module } from '@nestjs/common';
import { DocloudClient } from '@banshi/vendor-clients/docloud';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { VendorCallObserver } from '../observability/vendor-call-observer.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { InspectionCars } from './inspection-cars.service.js';
import { InspectionController } from './inspection.controller.js';
import { InspectionOrdersController, MerchantInspectionController } from './inspection-orders.controller.js';
import { MerchantSettlementController } from './merchant-settlement.controller.js';
import { UnknownIdSettlement } from './unknown-id-settlement.service.js';
import { InspectionOrders } from './inspection-orders.service.js';
import { InspectionPaidService } from './inspection-paid.service.js';
import { InspectionOrderView } from './inspection-order-view.js';
import { InspectionStatus } from './inspection-status.service.js';
import { INSPECTION_DOCLOUD, InspectionVendor } from './inspection-vendor.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { INSPECTION_ENTITIES } from './inspection.entities.js';

/**
 * 年检代办 (annual inspection by post, 免检) through Docloud. Cars come from the garage through
 * `GARAGE_READER` (provided globally by the vehicles service), never from its module.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INSPECTION_ENTITIES)],
  controllers: [
    InspectionController,
    InspectionOrdersController,
    MerchantInspectionController,
    MerchantSettlementController,
  ],
  providers: [
    InspectionCallSettlers,
    {
      provide: INSPECTION_DOCLOUD,
      inject: [VENDOR_SETTINGS, APP_CONFIG, VendorCallObserver],
      useFactory: (settings: AvailableVendors, config: AppConfig, observer: VendorCallObserver) => {
        const { baseUrl, appKey, appSecret } = requireVendor(settings, 'docloud');
        const timeoutMs = config.vendorTimeoutMs ?? 10_000;
        return new DocloudClient({ baseUrl, appKey, appSecret, timeoutMs, maxRetries: 2, observer });
      },
    },
    InspectionVendor,
    InspectionCars,
    InspectionStatus,
    InspectionOrders,
    InspectionStatusRefresher,
    InspectionOrderView,
    InspectionPaidService,
    UnknownIdSettlement,
  ],
})
export class InspectionModule {}
