import { Notice } from './messages/notice.entity.js';
import { NotificationOutbox } from './subscribe/outbox.entity.js';
import { SubscribeGrant } from './subscribe/subscribe-grant.entity.js';

/** The entities `notifications/` owns: its module registers them, the composition root hands them to the data source. */
export const NOTIFICATIONS_ENTITIES = [Notice, NotificationOutbox, SubscribeGrant];
