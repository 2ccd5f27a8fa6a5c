import { Global, Module } from '@nestjs/common';
import { NoticesController } from './messages/notices.controller.js';
import { NoticesService } from './messages/notices.service.js';
import { OrderNotifier } from './subscribe/order-notifier.js';
import { OutboxSender } from './subscribe/outbox-sender.js';
import { SubscriptionsController } from './subscribe/subscriptions.controller.js';
import { SubscriptionsService } from './subscribe/subscriptions.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATIONS_ENTITIES } from './notifications.entities.js';

/**
 * What the user is told: the in-app message centre (every service writes to it) and WeChat
 * subscribe messages for each announced order status change, sent through an outbox.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  controllers: [NoticesController, SubscriptionsController],
  providers: [NoticesService, SubscriptionsService, OrderNotifier, OutboxSender],
  exports: [NoticesService, SubscriptionsService],
})
export class NotificationsModule {}
