import { sleep } from '@banshi/vendor-clients';
import { type CallbackDelivery, type CallbackSender } from '../core/index.js';
import {
  encodeCallback,
  zjzCallbackSign,
  type ZjzCallbackFields,
  type ZjzCallbackStatus,
} from '@banshi/vendor-clients/zjz';
import type { ZjzScenario } from './scenario.js';
import type { SimOrder } from './types.js';

/** How long the next callback of an order waits, at most, for the previous one's first answer. */
const FIRST_ANSWER_LIMIT_MS = 15_000;

/**
 * Sends an order's callbacks through the shared `CallbackSender`, one after another: a callback goes
 * out once the previous one of the same order got its first answer (or failed it), so orders arrive
 * in order unless a retry or the out-of-order knob reorders them, as with the real vendor.
 */
export class ZjzNotifier {
  private stopped = false;

  constructor(
    private readonly sender: CallbackSender,
    private readonly scenario: ZjzScenario,
    private readonly apiKey: string,
    private readonly track: (task: Promise<unknown>) => void,
  ) {}

  notify(order: SimOrder, status: ZjzCallbackStatus, extra: Partial<ZjzCallbackFields> = {}): void {
    const fields: ZjzCallbackFields = {
      status,
      order_no: order.orderNo,
      sign: zjzCallbackSign(this.apiKey),
      ...extra,
    };
    if (order.outOfOrder && status === 2) {
      order.deferred.push(fields);
      return;
    }
    this.enqueue(order, fields);
    if (order.outOfOrder && order.deferred.length > 0) {
      for (const late of order.deferred.splice(0)) this.enqueue(order, late);
      order.outOfOrder = false;
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private enqueue(order: SimOrder, fields: ZjzCallbackFields): void {
    const next = order.callbackChain.then(async () => {
      if (this.stopped) return;
      const delivery = this.sender.send({
        url: order.noticeUrl,
        ...encodeCallback(fields, this.scenario.callbackFormat),
        delayMs: this.scenario.callbackDelayMs || undefined,
        repeat: this.scenario.callbackRepeat || undefined,
      });
      await this.firstAnswer(delivery, this.scenario.callbackDelayMs + FIRST_ANSWER_LIMIT_MS);
    });
    order.callbackChain = next.catch(() => undefined);
    this.track(order.callbackChain);
  }

  private async firstAnswer(delivery: CallbackDelivery, limitMs: number): Promise<void> {
    const started = Date.now();
    while (delivery.answers.length === 0 && !this.stopped && Date.now() - started < limitMs) await sleep(2);
  }
}
