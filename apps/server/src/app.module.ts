import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AccountModule } from './account/account.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CallbacksModule } from './callbacks/callbacks.module.js';
import { CommonModule } from './common/common.module.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG, SECRETS } from './config/config.tokens.js';
import type { Secrets } from './config/secrets.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ENTITIES } from './entities.js';
import { FilesModule } from './files/files.module.js';
import { HealthModule } from './health/health.module.js';
import { loggerOptions } from './logging/logger.options.js';
import { ContentSafetyModule } from './content-safety/content-safety.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { OutgoingCallsModule } from './outgoing-calls/outgoing-calls.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { SandboxController } from './sandbox/sandbox.controller.js';
import { SERVICE_MODULES } from './service-modules.js';
import { throttlingModule } from './throttling/throttling.module.js';
import { VendorsModule } from './vendors/vendors.module.js';

@Global()
@Module({})
class ConfigHolderModule {
  static forRoot(config: AppConfig, secrets: Secrets): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: SECRETS, useValue: secrets },
    ];
    return { module: ConfigHolderModule, providers, exports: providers };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, secrets: Secrets, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigHolderModule.forRoot(config, secrets),
        LoggerModule.forRoot(loggerOptions(config, logDestination)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, ENTITIES),
          // Fail fast in tests; in production ride out a database that starts after us.
          retryAttempts: config.env === 'test' ? 0 : 10,
          retryDelay: 2000,
        }),
        ObservabilityModule,
        throttlingModule(config),
        HealthModule,
        CommonModule,
        VendorsModule,
        AuthModule,
        AccountModule,
        FilesModule,
        OrdersModule,
        CallbacksModule,
        OutgoingCallsModule,
        PaymentsModule,
        NotificationsModule,
        ContentSafetyModule,
        ...SERVICE_MODULES,
      ],
      // The sandbox controller exists only in sandbox mode: live mode has no login bypass.
      controllers: config.vendorMode === 'sandbox' ? [SandboxController] : [],
    };
  }
}
