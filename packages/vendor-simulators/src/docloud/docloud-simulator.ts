import { systemClock, type Clock } from '@banshi/vendor-clients';
import {
  SimulatorHost,
  type CallbackDelivery,
  type CallbackSender,
  type FaultKnobs,
  type RunningSimulator,
  type SimulatorStartOptions,
} from '../core/index.js';
import type { SimContext, DocloudTimings } from './context.js';
import { publishSamplePictures, type SamplePictures } from './data/materials.js';
import { InspectionDesk } from './inspection-desk.js';
import { CallbackNotifier } from './notifier.js';
import { OrderDesk, type DocloudOrderOutcome } from './order-desk.js';
import { addViolation, type NewViolation, type SimViolationView, viewOf } from './knobs.js';
import { registerBaseDataRoutes } from './routes/base-data-routes.js';
import { registerInspectionRoutes } from './routes/inspection-routes.js';
import { registerMonitorRoutes } from './routes/monitor-routes.js';
import { registerOrderRoutes } from './routes/order-routes.js';
import { registerViolationRoutes } from './routes/violation-routes.js';
import { SimFail } from './route-kit.js';
import { DocloudState, type SimOrder } from './state.js';
import type { InspectionOrderStatus } from '@banshi/vendor-clients/docloud';

export interface DocloudSimulatorOptions extends SimulatorStartOptions, Partial<DocloudTimings> {
  appKey: string;
  appSecret: string;
  orderCallbackUrl?: string;
  violationCallbackUrl?: string;
  /** `credit` (挂账, the default): orders pay themselves; `online`: the user opens `payUrl`. */
  paymentMode?: 'credit' | 'online';
  /** Address to advertise (pay URLs, sample pictures) when the simulator sits behind another one. */
  publicUrl?: string;
}

const DEFAULT_TIMINGS: DocloudTimings = {
  queryLatencyMs: 30,
  creditPayDelayMs: 20,
  orderProcessMs: 200,
  inspectionStepMs: null,
  callbackDelayMs: 0,
};

class Runtime implements SimContext {
  readonly state = new DocloudState();
  readonly notifier: CallbackNotifier;
  readonly orders: OrderDesk;
  readonly inspection: InspectionDesk;
  paymentMode: 'credit' | 'online';
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    readonly appKey: string,
    readonly appSecret: string,
    readonly clock: Clock,
    readonly host: SimulatorHost,
    readonly timings: DocloudTimings,
    readonly pictures: SamplePictures,
    options: DocloudSimulatorOptions,
  ) {
    this.paymentMode = options.paymentMode ?? 'credit';
    this.notifier = new CallbackNotifier(
      { appKey, appSecret, clock },
      options.callbackRetryDelaysMs,
      timings.callbackDelayMs,
    );
    this.notifier.orderUrl = options.orderCallbackUrl;
    this.notifier.violationUrl = options.violationCallbackUrl;
    this.orders = new OrderDesk(this);
    this.inspection = new InspectionDesk(this);
  }

  schedule(ms: number, task: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        task();
      } catch (error) {
        // A knob may have moved the order on in the meantime; the timer then has nothing to do.
        if (!(error instanceof SimFail)) throw error;
      }
    }, ms);
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.notifier.sender.stop();
  }
}

/**
 * A stateful Docloud (懂云) built from its document: signed endpoints with the vendor's error
 * codes, deterministic violations per plate, orders and monitored cars that call back, and the
 * annual-inspection catalogue, areas, cars and orders. Knobs force each scenario a test needs.
 */
export class DocloudSimulator implements RunningSimulator {
  readonly vendor = 'docloud';

  private constructor(private readonly runtime: Runtime) {}

  static async start(options: DocloudSimulatorOptions): Promise<DocloudSimulator> {
    const host = await SimulatorHost.start({
      name: 'docloud',
      port: options.port,
      host: options.host,
      publicUrl: options.publicUrl,
    });
    const timings: DocloudTimings = { ...DEFAULT_TIMINGS };
    for (const key of Object.keys(DEFAULT_TIMINGS) as (keyof DocloudTimings)[]) {
      if (options[key] !== undefined) Object.assign(timings, { [key]: options[key] });
    }
    const pictures = await publishSamplePictures(host);
    const runtime = new Runtime(
      options.appKey,
      options.appSecret,
      options.clock ?? systemClock,
      host,
      timings,
      pictures,
      options,
    );
    registerViolationRoutes(runtime);
    registerOrderRoutes(runtime);
    registerMonitorRoutes(runtime);
    registerBaseDataRoutes(runtime);
    registerInspectionRoutes(runtime);
    return new DocloudSimulator(runtime);
  }

  get url(): string {
    return this.runtime.host.url;
  }

  get host(): SimulatorHost {
    return this.runtime.host;
  }

  get faults(): FaultKnobs {
    return this.runtime.host.faults;
  }

  get callbacks(): CallbackSender {
    return this.runtime.notifier.sender;
  }

  /** Latencies and step times; change them between scenarios. */
  get timings(): DocloudTimings {
    return this.runtime.timings;
  }

  /** Where order-status and violation-change callbacks go (the partner sets them with the vendor). */
  setCallbackUrls(urls: { order?: string; violation?: string }): void {
    if (urls.order !== undefined) this.runtime.notifier.orderUrl = urls.order;
    if (urls.violation !== undefined) this.runtime.notifier.violationUrl = urls.violation;
  }

  setPaymentMode(mode: 'credit' | 'online'): void {
    this.runtime.paymentMode = mode;
  }

  /** A snapshot of an order as the simulator holds it. */
  order(orderId: number | string): SimOrder {
    return { ...this.runtime.orders.find(Number(orderId)) };
  }

  /** Violation order ids per `outOrderNo` (read-only; see `DocloudState.ordersByOutOrderNo`). */
  ordersByOutOrderNo(): Map<string, number[]> {
    return this.runtime.state.ordersByOutOrderNo();
  }

  /** Inspection order ids per bound car (read-only; see `DocloudState.inspectionOrdersByCar`). */
  inspectionOrdersByCar(): Map<number, number[]> {
    return this.runtime.state.inspectionOrdersByCar();
  }

  /** Pays an online-mode order, as opening its `payUrl` does. */
  payOrder(orderId: number | string): void {
    this.runtime.orders.pay(Number(orderId));
  }

  /** Ends a paid order now: done by default, or closed / partly refunded. */
  completeOrder(orderId: number | string, outcome?: DocloudOrderOutcome): void {
    this.runtime.orders.complete(Number(orderId), outcome);
  }

  closeOrder(orderId: number | string, cancelReason?: string): void {
    this.runtime.orders.close(Number(orderId), cancelReason);
  }

  /** How the next order that finishes on its own (after `orderProcessMs`) ends. */
  setNextOrderOutcome(outcome: DocloudOrderOutcome): void {
    this.runtime.orders.setNextOutcome(outcome);
  }

  /** The next `count` order callbacks are never sent: the receiver must ask `getOrderStatus`. */
  dropNextOrderCallback(count = 1): void {
    this.runtime.notifier.dropNextOrderCallback(count);
  }

  /** The next order callback is delivered `times` more times after it is acknowledged. */
  repeatNextOrderCallback(times = 1): void {
    this.runtime.notifier.repeatNextOrderCallback(times);
  }

  /** The next order callback waits `ms` before its first attempt (a late callback). */
  delayNextOrderCallback(ms: number): void {
    this.runtime.notifier.delayNextOrderCallback(ms);
  }

  /** Keeps order callbacks back until `releaseOrderCallbacks`, to deliver them out of order. */
  holdOrderCallbacks(): void {
    this.runtime.notifier.holdOrderCallbacks();
  }

  /** Sends the held callbacks (newest first with `reverse`), `gapMs` (30) apart. */
  releaseOrderCallbacks(options: { reverse?: boolean; gapMs?: number } = {}): CallbackDelivery[] {
    return this.runtime.notifier.releaseOrderCallbacks(options);
  }

  /** Order callbacks a knob dropped (their bodies). */
  get droppedOrderCallbacks(): readonly string[] {
    return this.runtime.notifier.droppedOrderCallbacks;
  }

  /** The plate's violations as the simulator holds them. */
  violationsOf(plate: string): SimViolationView[] {
    return this.runtime.state.violationsOf(plate).map(viewOf);
  }

  /** A new violation for `plate`; a monitored plate's change callback follows. Returns its code. */
  addViolation(plate: string, violation: NewViolation = {}): string {
    return addViolation(this.runtime, plate, violation);
  }

  isMonitored(plate: string): boolean {
    return this.runtime.state.monitored.has(plate);
  }

  /** 《车辆违章信息变更通知》's failure form for a monitored car (1032 by default). */
  failMonitoredCar(plate: string, code = '1032', message = '车架号或发动机号位数错误'): void {
    this.runtime.notifier.violation({ success: false, data: { plateNumber: plate, code, message } });
  }

  /** Pays an inspection order waiting in status 10 (online mode). */
  payInspectionOrder(orderId: number | string): void {
    this.runtime.inspection.pay(Number(orderId));
  }

  /** Moves an inspection order one status on (10 → 15 → … → 50); returns the new status. */
  advanceInspectionOrder(orderId: number | string): InspectionOrderStatus {
    return this.runtime.inspection.advance(Number(orderId)).status;
  }

  closeInspectionOrder(orderId: number | string): void {
    this.runtime.inspection.close(Number(orderId));
  }

  inspectionOrderStatus(orderId: number | string): InspectionOrderStatus {
    return this.runtime.inspection.find(Number(orderId)).status;
  }

  async close(): Promise<void> {
    this.runtime.stop();
    await this.runtime.host.close();
  }
}

export const startDocloudSimulator = (options: DocloudSimulatorOptions) => DocloudSimulator.start(options);
