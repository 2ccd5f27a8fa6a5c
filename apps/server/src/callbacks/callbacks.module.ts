import { Global, Module } from '@nestjs/common';
import { CallbackInbox } from './callback-inbox.service.js';
import { CallbackRouter } from './callback-router.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CALLBACKS_ENTITIES } from './callbacks.entities.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(CALLBACKS_ENTITIES)],
  providers: [CallbackInbox, CallbackRouter],
  exports: [CallbackInbox, CallbackRouter],
})
export class CallbacksModule {}
