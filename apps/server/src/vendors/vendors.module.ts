import { Global, Module } from '@nestjs/common';
import { WechatClient } from '@banshi/vendor-clients/wechat';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { PublicUrl } from '../common/http/public-url.js';
import { VendorCallObserver } from '../observability/vendor-call-observer.js';
import { SandboxService } from '../sandbox/sandbox.service.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from './vendor-settings.js';

/**
 * Vendor clients, configured from the live credentials or, in sandbox mode, from the simulators
 * the sandbox starts first. Every service module injects its client from here.
 */
@Global()
@Module({
  providers: [
    PublicUrl,
    SandboxService,
    {
      provide: VENDOR_SETTINGS,
      inject: [APP_CONFIG, SandboxService],
      useFactory: async (config: AppConfig, sandbox: SandboxService): Promise<AvailableVendors> =>
        config.vendorMode === 'live' ? (config.liveVendors as AvailableVendors) : sandbox.start(),
    },
    {
      provide: WechatClient,
      inject: [VENDOR_SETTINGS, VendorCallObserver],
      useFactory: (settings: AvailableVendors, observer: VendorCallObserver) =>
        new WechatClient({ ...requireVendor(settings, 'wechat'), timeoutMs: 8000, observer }),
    },
  ],
  exports: [PublicUrl, SandboxService, VENDOR_SETTINGS, WechatClient],
})
export class VendorsModule {}
