import { Global, Module } from '@nestjs/common';
import { CallbackInbox } from './callback-inbox.service.js';
import { CallbackRouter } from './callback-router.js';

@Global()
@Module({ providers: [CallbackInbox, CallbackRouter], exports: [CallbackInbox, CallbackRouter] })
export class CallbacksModule {}
