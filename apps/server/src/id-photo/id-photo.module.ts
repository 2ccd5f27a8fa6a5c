import { ZjzCalls } from './zjz-calls.js';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ZjzClient } from '@banshi/vendor-clients/zjz';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { VendorCallObserver } from '../observability/vendor-call-observer.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { IdPhotoController, MerchantIdPhotoController } from './id-photo.controller.js';
import { IdPhotoDetailsService } from './id-photo-details.service.js';
import { IdPhotoFiles } from './id-photo-files.js';
import { IdPhotoOrderView } from './id-photo-view.js';
import { IdPhotoLocks } from './id-photo-locks.js';
import { IdPhotoOrdersService } from './id-photo-orders.service.js';
import { IdPhotoPaidService } from './id-photo-paid.service.js';
import { IdPhotoPhotosService } from './id-photo-photos.service.js';
import { IdPhotoPricing } from './id-photo-pricing.js';
import { ZjzFirstRound } from './zjz-first-round.js';
import { ZjzCallbackRoutes } from './zjz-callback.routes.js';
import { ZjzCallbackHandler } from './zjz-callback.handler.js';
import { ZjzSpecCatalogue } from './zjz-spec-catalogue.js';
import { ZjzSubmissions } from './zjz-submissions.js';
import { ZjzFiles } from './vendor-files.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ID_PHOTO_ENTITIES } from './id-photo.entities.js';

/** 证件照回执: specs, photos, receipt orders and zjzapi's status callbacks. */
@Module({
  imports: [TypeOrmModule.forFeature(ID_PHOTO_ENTITIES)],
  controllers: [IdPhotoController, MerchantIdPhotoController],
  providers: [
    ZjzCallbackRoutes,
    {
      provide: ZjzClient,
      inject: [VENDOR_SETTINGS, APP_CONFIG, VendorCallObserver],
      // Making a photo uploads up to 5 MB as base64 and takes the vendor a moment.
      useFactory: (settings: AvailableVendors, config: AppConfig, observer: VendorCallObserver) =>
        new ZjzClient({
          ...requireVendor(settings, 'zjz'),
          timeoutMs: config.vendorTimeoutMs ?? 30_000,
          maxRetries: 1,
          observer,
        }),
    },
    ZjzSpecCatalogue,
    ZjzCalls,
    IdPhotoFiles,
    IdPhotoLocks,
    IdPhotoPhotosService,
    IdPhotoOrdersService,
    IdPhotoPricing,
    IdPhotoPaidService,
    ZjzFirstRound,
    IdPhotoDetailsService,
    IdPhotoOrderView,
    ZjzSubmissions,
    ZjzCallbackHandler,
    ZjzFiles,
  ],
})
export class IdPhotoModule implements OnModuleInit {
  constructor(
    private readonly inbox: CallbackInbox,
    private readonly callbacks: ZjzCallbackHandler,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this.callbacks);
  }
}
