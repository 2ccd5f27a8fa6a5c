import { randomUUID } from 'node:crypto';
import { sleep } from '@banshi/vendor-clients';
import { type CallbackDelivery, type CallbackSender } from '../core/index.js';
import {
  encryptResource,
  type WechatPayNotificationEnvelope,
  signedWechatpayHeaders,
  rfc3339Beijing,
} from '@banshi/vendor-clients/wechatpay';
import type { WechatPaySimConfig } from './gateway.js';
import type { NotificationKind, WechatPayScenario } from './scenario.js';

export interface SentNotification {
  kind: NotificationKind;
  eventType: string;
  outTradeNo: string;
  envelope: WechatPayNotificationEnvelope;
  /** Undefined when the notification was lost on purpose. */
  delivery?: CallbackDelivery;
}

/** How long the next notification of an order waits, at most, for the previous one's first answer. */
const FIRST_ANSWER_LIMIT_MS = 15_000;

/**
 * Sends 支付通知 and 退款结果通知: the resource encrypted with the APIv3 key, the body signed anew
 * for every attempt (a retry a day later carries a fresh `Wechatpay-Timestamp`), through the shared
 * `CallbackSender` on WeChat Pay's retry schedule. One order's notifications go out one after the
 * other unless a knob reorders them.
 */
export class WechatPayNotifier {
  readonly sent: SentNotification[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private readonly held = new Map<string, () => void>();
  private stopped = false;

  constructor(
    private readonly sender: CallbackSender,
    private readonly config: WechatPaySimConfig,
    private readonly scenario: WechatPayScenario,
    private readonly track: (task: Promise<unknown>) => void,
  ) {}

  notify(
    kind: NotificationKind,
    eventType: string,
    summary: string,
    outTradeNo: string,
    notifyUrl: string,
    resource: object,
  ): void {
    const envelope: WechatPayNotificationEnvelope = {
      id: randomUUID(),
      create_time: rfc3339Beijing(this.config.clock.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: encryptResource(JSON.stringify(resource), this.config.apiV3Key, kind),
    };
    const record: SentNotification = { kind, eventType, outTradeNo, envelope };
    this.sent.push(record);
    if (this.scenario.takeLose(kind)) return;
    const send = () => this.enqueue(record, notifyUrl);
    if (kind === 'transaction' && this.scenario.takeOutOfOrder()) {
      this.hold(outTradeNo, send);
      return;
    }
    send();
    this.held.get(outTradeNo)?.();
  }

  private hold(outTradeNo: string, send: () => void): void {
    let timer: NodeJS.Timeout | undefined;
    const released = new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.held.delete(outTradeNo);
        if (!this.stopped) send();
        resolve();
      };
      this.held.set(outTradeNo, release);
      timer = setTimeout(release, this.scenario.outOfOrderHoldMs);
    });
    this.track(released);
  }

  /** Sends every held (out-of-order) notification now. */
  releaseHeld(): void {
    for (const release of [...this.held.values()]) release();
  }

  stop(): void {
    this.stopped = true;
    this.releaseHeld();
  }

  private enqueue(record: SentNotification, notifyUrl: string): void {
    const body = JSON.stringify(record.envelope);
    const repeat = this.scenario.takeRepeat();
    const previous = this.chains.get(record.outTradeNo) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (this.stopped) return;
      record.delivery = this.sender.send({
        url: notifyUrl,
        body,
        contentType: 'application/json',
        headers: () =>
          signedWechatpayHeaders(
            body,
            this.config.platformPrivateKey,
            this.config.platformPublicKeyId,
            this.config.clock,
          ),
        repeat: repeat || undefined,
      });
      await this.firstAnswer(record.delivery);
    });
    const settled = next.catch(() => undefined);
    this.chains.set(record.outTradeNo, settled);
    this.track(settled);
  }

  private async firstAnswer(delivery: CallbackDelivery): Promise<void> {
    const started = Date.now();
    while (delivery.answers.length === 0 && !this.stopped && Date.now() - started < FIRST_ANSWER_LIMIT_MS) {
      await sleep(2);
    }
  }
}
