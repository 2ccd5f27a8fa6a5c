import { Global, Module } from '@nestjs/common';
import { DrainState } from '../lifecycle/drain-state.js';
import { HealthChecks } from '../common/health-checks.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsGuard } from './metrics.guard.js';

/**
 * The operational endpoints: health, liveness and readiness (other modules register their checks in
 * `HealthChecks`), and `/metrics` (the numbers are gathered in `observability/`, which sits below).
 */
@Global()
@Module({
  controllers: [HealthController, MetricsController],
  providers: [HealthChecks, DrainState, MetricsGuard],
  exports: [HealthChecks, DrainState],
})
export class HealthModule {}
