import { Global, Module } from '@nestjs/common';
import { ZhimaClient } from '@banshi/vendor-clients/zhima';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { VERIFICATION_STATUS } from '../users/verification-status.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { IdentityCallSettlers } from './identity-calls.js';
import { IdentityAttemptsController } from './identity-attempts.controller.js';
import { IdentityController } from './identity.controller.js';
import { IdentityPaidService } from './identity-paid.service.js';
import { IdentityRecords } from './identity-records.service.js';
import { IdentityOrderView } from './identity-view.js';
import { IdentityService } from './identity.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IDENTITY_ENTITIES } from './identity.entities.js';

/**
 * 实名认证. Global because it provides `VERIFICATION_STATUS`: `/api/me` and other services ask
 * whether a user is verified through that token, never through this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [IdentityController, IdentityAttemptsController],
  providers: [
    {
      provide: ZhimaClient,
      inject: [VENDOR_SETTINGS, APP_CONFIG],
      useFactory: (settings: AvailableVendors, config: AppConfig) =>
        new ZhimaClient({ ...requireVendor(settings, 'zhima'), timeoutMs: config.zhimaTimeoutMs }),
    },
    IdentityRecords,
    IdentityService,
    IdentityPaidService,
    IdentityOrderView,
    IdentityCallSettlers,
    { provide: VERIFICATION_STATUS, useExisting: IdentityRecords },
  ],
  exports: [VERIFICATION_STATUS],
})
export class IdentityModule {}
