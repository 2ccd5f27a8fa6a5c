import { sleep, systemClock } from '@banshi/vendor-clients';
import {
  type CallbackDelivery,
  CallbackSender,
  type FaultKnobs,
  type RunningSimulator,
  SimulatorHost,
  type SimulatorStartOptions,
} from '../core/index.js';
import {
  isZjzAcknowledgement,
  ZJZ_PIC_TTL_MS,
  ZJZ_SPECS,
  type ZjzReceiptSpec,
  ZJZ_VENDOR,
} from '@banshi/vendor-clients/zjz';
import { ZjzLifecycle } from './lifecycle.js';
import { registerItemRoutes } from './routes/item-routes.js';
import { registerOrderRoutes } from './routes/order-routes.js';
import { registerPhotoRoutes } from './routes/photo-routes.js';
import { type ZjzRejectMatch, ZjzScenario } from './scenario.js';
import { ZjzSimState } from './state.js';
import type { SimOrder, ZjzSimOrderView, ZjzSimStats, ZjzSimStatus } from './types.js';

export interface ZjzSimulatorOptions extends SimulatorStartOptions {
  /** The application key clients must send as `key`; callbacks are signed with its md5. */
  apiKey: string;
  /** Specs served by `/item/list` and accepted by `item_id`; the catalogue by default. */
  specs?: readonly ZjzReceiptSpec[];
  /** Pending → reviewing. Default 300 ms (the vendor takes ~15 minutes; nobody waits that in a sandbox). */
  reviewDelayMs?: number;
  /** Reviewing → done/rejected. Default 300 ms. */
  completeDelayMs?: number;
  /** Done → shipped, for print orders. Default 300 ms. */
  shipDelayMs?: number;
  /** False holds every order in pending until `advanceTo`/`release`. Default true. */
  autoAdvance?: boolean;
  /** pic_id lifetime; the document says 50 minutes. */
  picTtlMs?: number;
  /** Base URL of the published photos when the simulator sits behind another address. */
  publicUrl?: string;
  /** Per-attempt timeout of callback deliveries. */
  callbackTimeoutMs?: number;
}

/**
 * A local zjzapi: the four documented endpoints plus the public spec list, real photo making with
 * sharp, pic_id expiry on the injected clock, orders with their callbacks, and knobs for every branch.
 */
export class ZjzSimulator implements RunningSimulator {
  readonly vendor = ZJZ_VENDOR;
  readonly url: string;
  readonly faults: FaultKnobs;

  constructor(
    readonly host: SimulatorHost,
    readonly callbacks: CallbackSender,
    readonly scenario: ZjzScenario,
    readonly apiKey: string,
    readonly specs: readonly ZjzReceiptSpec[],
    private readonly state: ZjzSimState,
    private readonly lifecycle: ZjzLifecycle,
  ) {
    this.url = host.url;
    this.faults = host.faults;
  }

  /** The next `count` orders to finish review are rejected with `reason`. */
  rejectNext(reason?: string, count = 1): void {
    this.scenario.rejectNext(reason, count);
  }

  /** Orders whose param matches (all given values equal, or the predicate) are rejected until cleared. */
  rejectWhen(match: ZjzRejectMatch, reason?: string): void {
    this.scenario.rejectWhen(match, reason);
  }

  clearRejections(): void {
    this.scenario.clearRejections();
  }

  /** The next `count` submissions stay pending (cancellable) until `advanceTo` or `release`. */
  holdNext(count = 1): void {
    this.scenario.holdNext(count);
  }

  /** The next `count` orders get their reviewing callback after the done/rejected one. */
  outOfOrderNext(count = 1): void {
    this.scenario.outOfOrderNext(count);
  }

  /** The next `count` orders come back with an adjusted photo (`image`). */
  adjustPhotoNext(count = 1): void {
    this.scenario.adjustPhotoNext(count);
  }

  /**
   * Walks an order to `status` (2, 3, 4, -1 or -2), sending each step's callback, and keeps it under
   * manual control afterwards. Resolves once the steps are taken; `idle()` waits for the callbacks.
   */
  async advanceTo(orderNo: string, status: ZjzSimStatus, rejectMsg?: string): Promise<ZjzSimOrderView> {
    const order = this.mustFind(orderNo);
    await this.lifecycle.advanceTo(order, status, rejectMsg);
    return this.state.view(order);
  }

  /** Hands a held order back to the timers. */
  async release(orderNo: string): Promise<void> {
    await this.lifecycle.release(this.mustFind(orderNo));
  }

  orders(): ZjzSimOrderView[] {
    return [...this.state.orders.values()].map((order) => this.state.view(order));
  }

  /** Order numbers per `notice_url` (see `ZjzSimState.ordersByNoticeUrl`): read-only, for counting. */
  ordersByNoticeUrl(): Map<string, string[]> {
    return this.state.ordersByNoticeUrl();
  }

  order(orderNo: string): ZjzSimOrderView | undefined {
    const order = this.state.orders.get(orderNo);
    return order ? this.state.view(order) : undefined;
  }

  stats(): ZjzSimStats {
    return { ...this.state.stats };
  }

  /** Callback deliveries of one order, in the order they were sent. */
  callbacksFor(orderNo: string): CallbackDelivery[] {
    return this.callbacks.deliveries.filter((delivery) => deliveryOrderNo(delivery.body) === orderNo);
  }

  /** Resolves when no order has a step scheduled or running and every callback is delivered or given up. */
  async idle(): Promise<void> {
    do {
      await this.lifecycle.idle();
      await this.callbacks.idle();
    } while (this.lifecycle.busy());
  }

  /** Waits until the order reaches `status`; rejects after `timeoutMs`. */
  async waitForStatus(orderNo: string, status: ZjzSimStatus, timeoutMs = 5_000): Promise<ZjzSimOrderView> {
    const started = Date.now();
    for (;;) {
      const order = this.order(orderNo);
      if (order?.status === status) return order;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`zjz simulator: order ${orderNo} is ${order?.status ?? 'unknown'}, not ${status}`);
      }
      await sleep(5);
    }
  }

  async close(): Promise<void> {
    this.lifecycle.close();
    this.callbacks.stop();
    await this.host.close();
  }

  private mustFind(orderNo: string): SimOrder {
    const order = this.state.orders.get(orderNo);
    if (!order) throw new Error(`zjz simulator: no order ${orderNo}`);
    return order;
  }
}

function deliveryOrderNo(body: string): string | undefined {
  if (body.startsWith('{')) {
    const match = /"order_no"\s*:\s*"?(\d+)/.exec(body);
    return match?.[1];
  }
  return new URLSearchParams(body).get('order_no') ?? undefined;
}

export async function startZjzSimulator(options: ZjzSimulatorOptions): Promise<ZjzSimulator> {
  if (!options.apiKey) throw new Error('zjz simulator needs an apiKey');
  const host = await SimulatorHost.start({
    name: ZJZ_VENDOR,
    port: options.port,
    host: options.host,
    publicUrl: options.publicUrl,
  });
  const callbacks = new CallbackSender({
    vendor: ZJZ_VENDOR,
    isAcknowledged: isZjzAcknowledgement,
    retryDelaysMs: options.callbackRetryDelaysMs,
    timeoutMs: options.callbackTimeoutMs,
  });
  const scenario = new ZjzScenario(options);
  const specs = options.specs ?? ZJZ_SPECS;
  const state = new ZjzSimState(options.clock ?? systemClock);
  const lifecycle = new ZjzLifecycle(state, host, scenario, callbacks, options.apiKey);
  const routes = {
    host,
    apiKey: options.apiKey,
    specs,
    state,
    lifecycle,
    picTtlMs: options.picTtlMs ?? ZJZ_PIC_TTL_MS,
  };
  registerItemRoutes(routes);
  registerPhotoRoutes(routes);
  registerOrderRoutes(routes);
  return new ZjzSimulator(host, callbacks, scenario, options.apiKey, specs, state, lifecycle);
}
