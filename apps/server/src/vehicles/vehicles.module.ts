import { ViolationOrderCallSettlers } from './orders/violation-order-calls.js';
import { ViolationOrderStatusRefresher } from './orders/violation-order-status.refresher.js';
import { Global, Module } from '@nestjs/common';
import { DocloudClient } from '@banshi/vendor-clients/docloud';
import { GARAGE_READER } from '../common/garage/garage-reader.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { VendorCallObserver } from '../observability/vendor-call-observer.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { DOCLOUD_CALLBACK_CREDENTIALS } from './callbacks/docloud-credentials.js';
import { OrderCallbackHandler } from './callbacks/order-callback.handler.js';
import { ViolationCallbackHandler } from './callbacks/violation-callback.handler.js';
import { DocloudCredentialCheck } from './docloud-credential-check.js';
import { Exclusive } from './exclusive.service.js';
import { GarageController } from './garage.controller.js';
import { CityRulesService } from './garage/city-rules.service.js';
import { DriverDocumentsService } from './garage/driver-documents.service.js';
import { GarageService } from './garage/garage.service.js';
import { VendorTokenService } from './garage/vendor-token.service.js';
import { MonitorService } from './monitoring/monitor.service.js';
import { MerchantVehicleOrdersService } from './orders/merchant-vehicle-orders.service.js';
import { OrderUpdatesService } from './orders/order-updates.service.js';
import { ViolationOrdersService } from './orders/violation-orders.service.js';
import { ViolationPaidService } from './orders/violation-paid.service.js';
import { ViolationPricing } from './orders/violation-pricing.js';
import { ViolationVendorOrders } from './orders/violation-vendor-orders.js';
import { MerchantVehicleOrdersController, VehicleOrdersController } from './vehicle-orders.controller.js';
import { VehiclesCallbackRoutes } from './vehicles-callback.routes.js';
import { ViolationsController } from './violations.controller.js';
import { CountsService } from './violations/counts.service.js';
import { DirectQuoteService } from './violations/direct-quote.service.js';
import { ViolationQueryService } from './violations/violation-query.service.js';
import { ViolationOrderView } from './orders/violation-order-view.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VEHICLES_ENTITIES } from './vehicles.entities.js';

/**
 * 车辆: the garage, violations (query, counts, monitoring) and paying them through Docloud agency
 * orders. Global because it provides `GARAGE_READER`: annual inspection reads the garage through
 * that token, never through this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(VEHICLES_ENTITIES)],
  controllers: [GarageController, ViolationsController, VehicleOrdersController, MerchantVehicleOrdersController],
  providers: [
    VehiclesCallbackRoutes,
    {
      provide: DocloudClient,
      inject: [VENDOR_SETTINGS, APP_CONFIG, VendorCallObserver],
      useFactory: (settings: AvailableVendors, config: AppConfig, observer: VendorCallObserver) => {
        const { baseUrl, appKey, appSecret } = requireVendor(settings, 'docloud');
        const timeoutMs = config.vendorTimeoutMs ?? 10_000;
        return new DocloudClient({ baseUrl, appKey, appSecret, timeoutMs, maxRetries: 1, observer });
      },
    },
    {
      provide: DOCLOUD_CALLBACK_CREDENTIALS,
      inject: [VENDOR_SETTINGS],
      useFactory: (settings: AvailableVendors) => {
        const { appKey, appSecret } = requireVendor(settings, 'docloud');
        return { appKey, appSecret };
      },
    },
    DocloudCredentialCheck,
    ViolationOrderCallSettlers,
    CityRulesService,
    Exclusive,
    GarageService,
    VendorTokenService,
    { provide: GARAGE_READER, useExisting: GarageService },
    ViolationQueryService,
    CountsService,
    DirectQuoteService,
    DriverDocumentsService,
    MonitorService,
    OrderUpdatesService,
    ViolationOrderStatusRefresher,
    ViolationOrdersService,
    ViolationVendorOrders,
    ViolationPricing,
    ViolationPaidService,
    MerchantVehicleOrdersService,
    ViolationOrderView,
    OrderCallbackHandler,
    ViolationCallbackHandler,
  ],
  exports: [GARAGE_READER],
})
export class VehiclesModule {}
