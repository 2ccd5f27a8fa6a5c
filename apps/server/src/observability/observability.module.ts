import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';
import { VendorCallObserver } from './vendor-call-observer.js';

/** The metrics (served at `/metrics` by `health/`) and the vendor-call observer every vendor client is built with. */
@Global()
@Module({
  providers: [MetricsService, VendorCallObserver],
  exports: [MetricsService, VendorCallObserver],
})
export class ObservabilityModule {}
