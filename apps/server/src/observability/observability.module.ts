import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsGuard } from './metrics.guard.js';
import { MetricsService } from './metrics.service.js';
import { VendorCallObserver } from './vendor-call-observer.js';

/** Metrics (`/metrics`) and the vendor-call observer every vendor client is built with. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, MetricsGuard, VendorCallObserver],
  exports: [MetricsService, VendorCallObserver],
})
export class ObservabilityModule {}
