import type { ZjzReceiptParam } from '@banshi/vendor-clients/zjz';
import type { ZjzSimOrderView } from './types.js';

export const DEFAULT_REJECT_MSG = '照片不符合要求：背景不均匀或面部有遮挡，请重新拍摄后提交';

/** Orders whose `param` has all these values, or for which the predicate holds. */
export type ZjzRejectMatch = Partial<ZjzReceiptParam> | ((order: ZjzSimOrderView) => boolean);

export interface ZjzScenarioOptions {
  reviewDelayMs?: number;
  completeDelayMs?: number;
  shipDelayMs?: number;
  autoAdvance?: boolean;
}

/**
 * How the simulated vendor behaves, changeable while it runs: delays of each step, which orders are
 * rejected, and how callbacks are delivered. One-shot knobs (`…Next`) apply to the next orders that
 * reach the point where they matter, then wear off.
 */
export class ZjzScenario {
  /** Pending → reviewing (审核中). */
  reviewDelayMs: number;
  /** Reviewing → done or rejected. */
  completeDelayMs: number;
  /** Done → shipped, for print orders. */
  shipDelayMs: number;
  /** When false, every new order stays pending until `advanceTo` or `release`. */
  autoAdvance: boolean;
  /** Extra identical deliveries of every callback after the acknowledged one. */
  callbackRepeat = 0;
  /** Wait before each callback's first attempt. */
  callbackDelayMs = 0;
  /** The document says only "post方式": form-urlencoded by default, JSON to test the other reading. */
  callbackFormat: 'form' | 'json' = 'form';

  private readonly rejectQueue: string[] = [];
  private readonly rules: { match: ZjzRejectMatch; reason: string }[] = [];
  private holdCount = 0;
  private outOfOrderCount = 0;
  private adjustCount = 0;

  constructor(options: ZjzScenarioOptions = {}) {
    this.reviewDelayMs = options.reviewDelayMs ?? 300;
    this.completeDelayMs = options.completeDelayMs ?? 300;
    this.shipDelayMs = options.shipDelayMs ?? 300;
    this.autoAdvance = options.autoAdvance ?? true;
  }

  /** The next `count` orders to finish review are rejected with `reason`. */
  rejectNext(reason = DEFAULT_REJECT_MSG, count = 1): void {
    for (let i = 0; i < count; i++) this.rejectQueue.push(reason);
  }

  /** Every order matching `match` is rejected with `reason` when its review finishes, until cleared. */
  rejectWhen(match: ZjzRejectMatch, reason = DEFAULT_REJECT_MSG): void {
    this.rules.push({ match, reason });
  }

  clearRejections(): void {
    this.rejectQueue.length = 0;
    this.rules.length = 0;
  }

  /** The next `count` submitted (or resubmitted) orders stay pending until `advanceTo`/`release`. */
  holdNext(count = 1): void {
    this.holdCount += count;
  }

  /** The next `count` orders get their reviewing callback late, after the done/rejected one. */
  outOfOrderNext(count = 1): void {
    this.outOfOrderCount += count;
  }

  /** The next `count` orders come back with an adjusted photo (`image` in the done callback). */
  adjustPhotoNext(count = 1): void {
    this.adjustCount += count;
  }

  /** The rejection reason for an order whose review is finishing, or undefined to let it pass. */
  rejectionFor(order: ZjzSimOrderView): string | undefined {
    const queued = this.rejectQueue.shift();
    if (queued !== undefined) return queued;
    return this.rules.find((rule) => matches(rule.match, order))?.reason;
  }

  takeHold(): boolean {
    if (this.holdCount <= 0) return false;
    this.holdCount--;
    return true;
  }

  takeOutOfOrder(): boolean {
    if (this.outOfOrderCount <= 0) return false;
    this.outOfOrderCount--;
    return true;
  }

  takeAdjust(): boolean {
    if (this.adjustCount <= 0) return false;
    this.adjustCount--;
    return true;
  }
}

function matches(match: ZjzRejectMatch, order: ZjzSimOrderView): boolean {
  if (typeof match === 'function') return match(order);
  return Object.entries(match).every(([field, value]) => order.param[field] === value);
}
