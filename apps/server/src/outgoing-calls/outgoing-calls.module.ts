import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallSettlers } from './call-settlers.js';
import { OutgoingCallLedger } from './outgoing-call-ledger.service.js';
import { OutgoingCallsController } from './outgoing-calls.controller.js';
import { OUTGOING_CALLS_ENTITIES } from './outgoing-calls.entities.js';
import { PendingCallsService } from './pending-calls.service.js';
import { CallSettlementJob } from './settlement-job.js';
import { UnknownCallsGauge } from './unknown-calls-gauge.js';

/**
 * The outgoing-call ledger, shared by every module that sends a vendor call whose answer can be
 * lost (like `orders`): modules inject `OutgoingCallLedger` and register their settlers with
 * `CallSettlers`. The core imports no service.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(OUTGOING_CALLS_ENTITIES)],
  controllers: [OutgoingCallsController],
  providers: [CallSettlers, OutgoingCallLedger, CallSettlementJob, PendingCallsService, UnknownCallsGauge],
  exports: [CallSettlers, OutgoingCallLedger, PendingCallsService],
})
export class OutgoingCallsModule {}
