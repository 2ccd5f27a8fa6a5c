import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { verifyWechatPush, type WechatPushEvent } from '@banshi/vendor-clients/wechat';
import type { EntityManager } from 'typeorm';
import type { CallbackHandler } from '../callbacks/callback-handler.js';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import type { RawCallback } from '../callbacks/vendor-event.entity.js';
import { VENDOR_SETTINGS, requireVendor, type AvailableVendors } from '../vendors/vendor-settings.js';
import { ContentSafetyService } from './content-safety.service.js';

/**
 * WeChat's message push (消息推送) at `POST /api/callbacks/wechat/push`: verified (signature, and in
 * safe mode decrypted), stored, applied and only then answered `success`. Only the media-check
 * verdict changes anything; other events are stored and acknowledged.
 */
@Injectable()
export class WechatPushHandler implements CallbackHandler<WechatPushEvent>, OnModuleInit {
  readonly vendor = 'wechat';
  readonly topic = 'push';

  constructor(
    private readonly inbox: CallbackInbox,
    private readonly contentSafety: ContentSafetyService,
    @Inject(VENDOR_SETTINGS) private readonly settings: AvailableVendors,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this);
  }

  get pushSettings() {
    const wechat = requireVendor(this.settings, 'wechat');
    return { token: wechat.pushToken, encodingAesKey: wechat.pushAesKey, appId: wechat.appId };
  }

  verify(raw: RawCallback) {
    const event = verifyWechatPush({ rawQuery: raw.query, rawBody: raw.body }, this.pushSettings);
    if (event.kind === 'media_check') {
      return {
        dedupeKey: `wechat:media-check:${event.event.traceId}`,
        event,
        summary: { event: 'wxa_media_check', suggest: event.event.suggest, label: event.event.label },
      };
    }
    const digest = createHash('sha256').update(JSON.stringify(event.raw)).digest('hex').slice(0, 32);
    return {
      dedupeKey: `wechat:push:${event.eventName.slice(0, 40)}:${digest}`,
      event,
      summary: { event: event.eventName },
    };
  }

  async apply(event: WechatPushEvent, { manager }: { manager: EntityManager; vendorEventId: number }) {
    if (event.kind !== 'media_check') return { outcome: 'ignored' };
    return this.contentSafety.applyVerdict(manager, event.event);
  }

  /** WeChat takes `success` (or an empty body) as received. */
  acknowledge() {
    return { status: 200, body: 'success' };
  }

  failure(reason: string) {
    return { status: 500, body: `error: ${reason.slice(0, 100)}` };
  }

  rejection() {
    return { status: 401, body: 'invalid signature' };
  }
}
