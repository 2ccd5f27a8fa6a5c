import { Global, Module } from '@nestjs/common';
import { CallbackInbox } from './callback-inbox.service.js';

@Global()
@Module({ providers: [CallbackInbox], exports: [CallbackInbox] })
export class CallbacksModule {}
