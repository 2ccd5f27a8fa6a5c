import type { WechatPayRefundStatus } from '@banshi/vendor-clients/wechatpay';

export type NotificationKind = 'transaction' | 'refund';

/**
 * How the simulated WeChat Pay behaves, changeable while it runs. One-shot knobs (`…Next`) apply to
 * the next orders or refunds that reach the point where they matter, then wear off. Transport faults
 * (5xx, hangs, lost answers) are the host's `faults`.
 */
export class WechatPayScenario {
  /** PROCESSING → final status of a refund. */
  refundDelayMs: number;
  /** When false, refunds stay PROCESSING until `completeRefund`. */
  autoCompleteRefunds = true;
  /** Extra identical deliveries of every notification after the acknowledged one. */
  notificationRepeat = 0;
  /** How long an out-of-order TRANSACTION.SUCCESS waits, at most, for a later notification to overtake it. */
  outOfOrderHoldMs = 1_000;

  private readonly refundEndings: WechatPayRefundStatus[] = [];
  private readonly losing: (NotificationKind | 'any')[] = [];
  private notEnoughCount = 0;
  private outOfOrderCount = 0;
  private repeatCount = 0;

  constructor(options: { refundDelayMs?: number } = {}) {
    this.refundDelayMs = options.refundDelayMs ?? 300;
  }

  /** The next `count` refunds end ABNORMAL (退款异常: the card they go back to is frozen or closed). */
  abnormalRefundNext(count = 1): void {
    for (let i = 0; i < count; i++) this.refundEndings.push('ABNORMAL');
  }

  /** The next `count` refunds end CLOSED (退款关闭). */
  closedRefundNext(count = 1): void {
    for (let i = 0; i < count; i++) this.refundEndings.push('CLOSED');
  }

  /** The next `count` refund requests are refused with 403 NOT_ENOUGH (基本账户余额不足). */
  notEnoughNext(count = 1): void {
    this.notEnoughCount += count;
  }

  /** The next `count` notifications (of `kind`, or any) are never sent: only a query tells. */
  loseNotificationNext(count = 1, kind: NotificationKind | 'any' = 'any'): void {
    for (let i = 0; i < count; i++) this.losing.push(kind);
  }

  /**
   * The next `count` paid orders hold their TRANSACTION.SUCCESS until after that order's next
   * notification (a refund's), or `outOfOrderHoldMs` at most: late, not lost.
   */
  outOfOrderNext(count = 1): void {
    this.outOfOrderCount += count;
  }

  /** The next `count` notifications are delivered twice more after being acknowledged. */
  repeatNotificationNext(count = 1): void {
    this.repeatCount += count;
  }

  takeRefundEnding(): WechatPayRefundStatus {
    return this.refundEndings.shift() ?? 'SUCCESS';
  }

  takeNotEnough(): boolean {
    if (this.notEnoughCount <= 0) return false;
    this.notEnoughCount--;
    return true;
  }

  takeLose(kind: NotificationKind): boolean {
    const at = this.losing.findIndex((entry) => entry === 'any' || entry === kind);
    if (at < 0) return false;
    this.losing.splice(at, 1);
    return true;
  }

  takeOutOfOrder(): boolean {
    if (this.outOfOrderCount <= 0) return false;
    this.outOfOrderCount--;
    return true;
  }

  /** Extra deliveries for the notification being sent now. */
  takeRepeat(): number {
    if (this.repeatCount <= 0) return this.notificationRepeat;
    this.repeatCount--;
    return Math.max(2, this.notificationRepeat);
  }
}
