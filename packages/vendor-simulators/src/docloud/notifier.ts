import { type Clock, tryParseJson } from '@banshi/vendor-clients';
import { CallbackSender, type CallbackDelivery } from '../core/index.js';
import { signUrl } from '@banshi/vendor-clients/docloud';

interface Outgoing {
  url: string;
  body: string;
  repeat: number;
  delayMs: number;
}

/**
 * Sends the vendor's two callbacks, signed in the URL's query over the body, until the receiver
 * answers `{"success": true}`. Order callbacks take scenario knobs: drop, repeat, delay, and hold
 * then release in reverse to deliver them out of order.
 */
export class CallbackNotifier {
  readonly sender: CallbackSender;
  orderUrl?: string;
  violationUrl?: string;
  /** Bodies of order callbacks that a knob dropped, for tests to see what was lost. */
  readonly droppedOrderCallbacks: string[] = [];
  private dropOrders = 0;
  private repeatOrders = 0;
  private delayOrdersMs = 0;
  private held: Outgoing[] | undefined;

  constructor(
    private readonly credentials: { appKey: string; appSecret: string; clock: Clock },
    retryDelaysMs: number[] | undefined,
    private readonly defaultDelayMs: number,
  ) {
    this.sender = new CallbackSender({
      vendor: 'docloud',
      retryDelaysMs,
      isAcknowledged: (status, text) =>
        status === 200 && (tryParseJson(text) as { success?: unknown })?.success === true,
    });
  }

  dropNextOrderCallback(count: number): void {
    this.dropOrders += count;
  }

  repeatNextOrderCallback(times: number): void {
    this.repeatOrders = times;
  }

  delayNextOrderCallback(ms: number): void {
    this.delayOrdersMs = ms;
  }

  holdOrderCallbacks(): void {
    this.held ??= [];
  }

  /**
   * Sends what was held, newest first with `reverse`, so a "done" can overtake its "paid";
   * `gapMs` apart so the arrival order is the release order.
   */
  releaseOrderCallbacks(options: { reverse?: boolean; gapMs?: number } = {}): CallbackDelivery[] {
    const held = this.held ?? [];
    this.held = undefined;
    const gap = options.gapMs ?? 30;
    return (options.reverse ? [...held].reverse() : held).map((item, i) =>
      this.post({ ...item, delayMs: item.delayMs + i * gap }),
    );
  }

  order(data: Record<string, unknown>): void {
    if (!this.orderUrl) return;
    const body = JSON.stringify({ success: true, data });
    if (this.dropOrders > 0) {
      this.dropOrders--;
      this.droppedOrderCallbacks.push(body);
      return;
    }
    const item = {
      url: this.orderUrl,
      body,
      repeat: this.repeatOrders,
      delayMs: this.delayOrdersMs || this.defaultDelayMs,
    };
    this.repeatOrders = 0;
    this.delayOrdersMs = 0;
    if (this.held) this.held.push(item);
    else this.post(item);
  }

  violation(envelope: Record<string, unknown>): void {
    if (!this.violationUrl) return;
    this.post({ url: this.violationUrl, body: JSON.stringify(envelope), repeat: 0, delayMs: this.defaultDelayMs });
  }

  private post(item: Outgoing): CallbackDelivery {
    const { appKey, appSecret, clock } = this.credentials;
    return this.sender.send({
      url: signUrl(item.url, appKey, appSecret, item.body, clock),
      body: item.body,
      contentType: 'application/json;charset=utf-8',
      repeat: item.repeat,
      delayMs: item.delayMs,
    });
  }
}
