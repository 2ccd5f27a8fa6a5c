import { randomInt } from 'node:crypto';
import type { CallbackSender, SimulatorHost } from '../core/index.js';
import { ZJZ_PRINT_PRICE_FEN, ZJZ_RECEIPT_PRICE_FEN } from '@banshi/vendor-clients/zjz';
import { ZJZ_SIM_CODES, ZjzSimError } from './codes.js';
import { renderAdjustedPhoto, renderPrintLayout, renderReceipt } from './documents.js';
import { ZjzNotifier } from './notifier.js';
import { DEFAULT_REJECT_MSG, type ZjzScenario } from './scenario.js';
import { ZJZ_SIM_PENDING, type ZjzSimState } from './state.js';
import type { SimOrder, SimTimer, ZjzSimStatus } from './types.js';

/** The statuses an order passes through to reach `target`, or undefined when it cannot get there. */
export function pathTo(from: ZjzSimStatus, target: ZjzSimStatus, isPrint: boolean): ZjzSimStatus[] | undefined {
  if (from === target) return [];
  if (target === 4 && !isPrint) return undefined;
  const forward: Partial<Record<ZjzSimStatus, ZjzSimStatus[]>> = {
    1: [2, 3, 4],
    2: [3, 4],
    3: [4],
  };
  if (target === -2) return from === ZJZ_SIM_PENDING ? [-2] : undefined;
  if (target === -1) return from === ZJZ_SIM_PENDING ? [2, -1] : from === 2 ? [-1] : undefined;
  const steps = forward[from];
  const index = steps?.indexOf(target) ?? -1;
  return index < 0 ? undefined : (steps as ZjzSimStatus[]).slice(0, index + 1);
}

const CANCEL_REFUSALS: Partial<Record<ZjzSimStatus, string>> = {
  2: '订单已开始审核，无法取消',
  3: '订单已办理完成，无法取消',
  4: '订单已打印发货，无法取消',
  [-1]: '订单已审核驳回，无法取消',
  [-2]: '订单已取消，请勿重复操作',
};

const EXPRESS = [
  { name: '韵达', number: () => `43${digits(11)}` },
  { name: '顺丰', number: () => `SF${digits(13)}` },
  { name: '中通', number: () => `78${digits(10)}` },
  { name: 'EMS', number: () => `11${digits(11)}` },
];

function digits(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(randomInt(10));
  return text;
}

/**
 * Moves orders through 待处理 → 审核中 → 办理完成 (→ 打印发货) or 审核失败, on timers whose delays come
 * from the scenario, sending a callback at each step. All changes to one order are serialised, so a
 * timer, a cancel and a test's `advanceTo` never interleave.
 */
export class ZjzLifecycle {
  private readonly tasks = new Set<Promise<unknown>>();
  private readonly notifier: ZjzNotifier;
  private closed = false;

  constructor(
    private readonly state: ZjzSimState,
    private readonly host: SimulatorHost,
    private readonly scenario: ZjzScenario,
    sender: CallbackSender,
    apiKey: string,
  ) {
    this.notifier = new ZjzNotifier(sender, scenario, apiKey, (task) => this.track(task));
  }

  /** A submitted or resubmitted order is pending: review starts after the delay unless it is held. */
  begin(order: SimOrder): void {
    order.manual = !this.scenario.autoAdvance || this.scenario.takeHold();
    order.outOfOrder = this.scenario.takeOutOfOrder();
    order.adjustPhoto = this.scenario.takeAdjust();
    if (!order.manual) this.scheduleNext(order);
  }

  /** 订单取消: only while pending. */
  cancel(order: SimOrder): Promise<void> {
    return this.exclusive(order, async () => {
      if (order.status !== ZJZ_SIM_PENDING) {
        throw new ZjzSimError(
          ZJZ_SIM_CODES.ORDER_NOT_CANCELLABLE,
          CANCEL_REFUSALS[order.status] ?? '订单当前状态无法取消',
        );
      }
      this.clearTimers(order);
      await this.enter(order, -2);
    });
  }

  /** 订单审核驳回，再次提交: only a rejected order goes back to pending, with its new photo and param. */
  resubmit(order: SimOrder, apply: () => void): Promise<void> {
    return this.exclusive(order, async () => {
      if (order.status !== -1) {
        throw new ZjzSimError(ZJZ_SIM_CODES.ORDER_NOT_RESUBMITTABLE, '订单未被审核驳回，无法再次提交');
      }
      apply();
      order.submissions++;
      order.rejectMsg = undefined;
      this.state.stats.resubmitted++;
      this.setStatus(order, ZJZ_SIM_PENDING);
      this.begin(order);
    });
  }

  /**
   * Takes manual control of an order and walks it to `target`, sending each step's callback.
   * Throws (a plain Error: a test's mistake, not a vendor answer) when the order cannot get there.
   */
  advanceTo(order: SimOrder, target: ZjzSimStatus, rejectMsg?: string): Promise<void> {
    return this.exclusive(order, async () => {
      order.manual = true;
      this.clearTimers(order);
      const path = pathTo(order.status, target, order.isPrint);
      if (!path) throw new Error(`zjz simulator: order ${order.orderNo} cannot go from ${order.status} to ${target}`);
      for (const status of path) await this.enter(order, status, rejectMsg);
    });
  }

  /** Gives a held order back to the timers, from wherever it stands. */
  release(order: SimOrder): Promise<void> {
    return this.exclusive(order, async () => {
      order.manual = false;
      this.scheduleNext(order);
    });
  }

  /** Resolves when no step is scheduled or running, and every callback has been delivered or given up. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  busy(): boolean {
    return this.tasks.size > 0;
  }

  close(): void {
    this.closed = true;
    this.notifier.stop();
    for (const order of this.state.orders.values()) this.clearTimers(order);
  }

  private scheduleNext(order: SimOrder): void {
    if (this.closed) return;
    const delays: Partial<Record<ZjzSimStatus, number>> = {
      [ZJZ_SIM_PENDING]: this.scenario.reviewDelayMs,
      2: this.scenario.completeDelayMs,
      ...(order.isPrint ? { 3: this.scenario.shipDelayMs } : {}),
    };
    const from = order.status;
    const delay = delays[from];
    if (delay === undefined) return;
    this.schedule(order, delay, () =>
      this.exclusive(order, async () => {
        if (order.manual || order.status !== from) return;
        await this.step(order);
        if (!order.manual) this.scheduleNext(order);
      }),
    );
  }

  /** The natural next step: review starts; review ends (rejected by the scenario, or done); shipping. */
  private async step(order: SimOrder): Promise<void> {
    if (order.status === ZJZ_SIM_PENDING) return this.enter(order, 2);
    if (order.status === 2) {
      const reason = this.scenario.rejectionFor(this.state.view(order));
      return reason === undefined ? this.enter(order, 3) : this.enter(order, -1, reason);
    }
    if (order.status === 3 && order.isPrint) return this.enter(order, 4);
  }

  private async enter(order: SimOrder, status: ZjzSimStatus, rejectMsg?: string): Promise<void> {
    const { stats } = this.state;
    switch (status) {
      case 2:
        this.setStatus(order, 2);
        return this.notifier.notify(order, 2);
      case 3: {
        order.results = await this.produce(order);
        this.setStatus(order, 3);
        stats.done++;
        stats.chargedFen += ZJZ_RECEIPT_PRICE_FEN + (order.isPrint ? ZJZ_PRINT_PRICE_FEN : 0);
        return this.notifier.notify(order, 3, {
          image_receipt: order.results.imageReceipt,
          image: order.results.image,
          image_print: order.results.imagePrint,
        });
      }
      case 4: {
        const express = EXPRESS[randomInt(EXPRESS.length)];
        order.logistics = { expressName: express.name, expressNo: express.number() };
        this.setStatus(order, 4);
        stats.shipped++;
        return this.notifier.notify(order, 4, {
          logistics_info: { express_name: order.logistics.expressName, express_no: order.logistics.expressNo },
        });
      }
      case -1:
        order.rejectMsg = rejectMsg ?? DEFAULT_REJECT_MSG;
        this.setStatus(order, -1);
        stats.rejected++;
        return this.notifier.notify(order, -1, { reject_msg: order.rejectMsg });
      case -2:
        this.setStatus(order, -2);
        stats.cancelled++;
        return this.notifier.notify(order, -2);
      default:
        throw new Error(`zjz simulator: no step into status ${status}`);
    }
  }

  /** The done order's files: the receipt, the adjusted photo when the knob says so, the print layout. */
  private async produce(order: SimOrder): Promise<NonNullable<SimOrder['results']>> {
    const publish = (body: Buffer) => this.host.publishFile(body, 'image/jpeg', 'jpg');
    order.receiptNo = this.state.newReceiptNo(order.spec);
    const receipt = await renderReceipt({
      spec: order.spec,
      orderNo: order.orderNo,
      receiptNo: order.receiptNo,
      name: order.param.text_name,
      issuedAt: new Date(this.state.clock.now()),
      photo: order.pic.primary,
    });
    return {
      imageReceipt: publish(receipt),
      image: order.adjustPhoto ? publish(await renderAdjustedPhoto(order.pic.primary, order.spec)) : undefined,
      imagePrint: order.spec.printLayout ? publish(await renderPrintLayout(order.pic.primary, order.spec)) : undefined,
    };
  }

  private setStatus(order: SimOrder, status: ZjzSimStatus): void {
    order.status = status;
    order.history.push({ status, at: this.state.clock.now() });
  }

  private exclusive<T>(order: SimOrder, work: () => Promise<T>): Promise<T> {
    const run = order.queue.then(work);
    order.queue = run.then(
      () => undefined,
      () => undefined,
    );
    this.track(order.queue);
    return run;
  }

  private schedule(order: SimOrder, delayMs: number, work: () => Promise<unknown>): void {
    let timer: SimTimer | undefined;
    const task = new Promise<void>((resolve) => {
      const handle = setTimeout(() => {
        if (timer) order.timers.delete(timer);
        work().then(
          () => resolve(),
          (error: unknown) => {
            console.error(`zjz simulator: order ${order.orderNo} step failed`, error);
            resolve();
          },
        );
      }, delayMs);
      timer = { handle, done: resolve };
    });
    order.timers.add(timer as SimTimer);
    this.track(task);
  }

  private clearTimers(order: SimOrder): void {
    for (const timer of order.timers) {
      clearTimeout(timer.handle);
      timer.done();
    }
    order.timers.clear();
  }

  /** Everything the lifecycle starts is tracked, so that `idle()` can wait for it. */
  private track(task: Promise<unknown>): void {
    this.tasks.add(task);
    const forget = () => this.tasks.delete(task);
    task.then(forget, forget);
  }
}
