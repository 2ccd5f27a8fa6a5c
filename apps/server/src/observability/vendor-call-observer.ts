import { Injectable, Logger } from '@nestjs/common';
import type { TransportObserver, VendorAttempt } from '@banshi/vendor-clients';
import { MetricsService } from './metrics.service.js';
import { currentRequestId } from './request-context.js';

/**
 * Given to every vendor client (`observer` option of the shared HTTP transport): counts and times
 * each attempt, and logs it with the id of the request or job that made it, so that a slow or
 * failing vendor can be traced back to the user's request in the logs.
 */
@Injectable()
export class VendorCallObserver implements TransportObserver {
  private readonly logger = new Logger('VendorCall');

  constructor(private readonly metrics: MetricsService) {}

  onAttempt(attempt: VendorAttempt): void {
    this.metrics.vendorAttempt(attempt);
    const line = {
      requestId: currentRequestId(),
      vendor: attempt.vendor,
      endpoint: attempt.endpoint,
      attempt: attempt.attempt,
      status: attempt.status,
      outcome: attempt.outcome,
      ms: Math.round(attempt.durationMs),
    };
    if (attempt.outcome === 'ok') this.logger.log(line, 'vendor call');
    else this.logger.warn(line, 'vendor call failed');
  }
}
