import { WechatPayClient } from '@banshi/vendor-clients/wechatpay';
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { VendorCallObserver } from '../observability/vendor-call-observer.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';

/** The one WeChat Pay client (live credentials, or the sandbox simulator's). */
export const wechatPayClientProvider: Provider = {
  provide: WechatPayClient,
  inject: [VENDOR_SETTINGS, APP_CONFIG, VendorCallObserver],
  useFactory: (settings: AvailableVendors, config: AppConfig, observer: VendorCallObserver) =>
    new WechatPayClient({
      ...requireVendor(settings, 'wechatpay'),
      timeoutMs: config.vendorTimeoutMs ?? 10_000,
      maxRetries: 2,
      observer,
    }),
};
