import { Global, Module } from '@nestjs/common';
import { DrainState } from '../lifecycle/drain-state.js';
import { HealthChecks } from './health-checks.js';
import { HealthController } from './health.controller.js';

/** Health, liveness and readiness; other modules register their checks in `HealthChecks`. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthChecks, DrainState],
  exports: [HealthChecks, DrainState],
})
export class HealthModule {}
