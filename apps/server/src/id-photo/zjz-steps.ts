import { ZJZ_STATUS_ORDER, type ZjzCallbackEvent } from '@banshi/vendor-clients/zjz';
import type { OrderStep } from '../orders/order-status.js';
import { lifecycleOf } from '../orders/vendor-lifecycle.js';

/**
 * Where each vendor step sits within a submission round. A round is one submit or resubmit; its
 * steps are numbered `round * 100 + step`, so any callback of an earlier round is stale against
 * every step of a later one, and within a round the order only moves forward.
 */
export const ZJZ_ROUND_STEPS = {
  submitted: 10,
  reviewing: 20,
  rejected: 30,
  done: 40,
  shipped: 50,
  // Cancelling is possible only before review starts; nothing of the same round may follow it.
  cancelled: 90,
} as const;

/** Within a round the vendor's status order decides (a late -2 after 3 is refused); rounds by progress. */
const ZJZ_LIFECYCLE = lifecycleOf(ZJZ_STATUS_ORDER, (a, b) => Math.floor(a / 100) === Math.floor(b / 100));

/** 待处理: the status the document never numbers; the simulator calls it 1. */
export const ZJZ_PENDING_STATUS = '1';

export function progressOf(round: number, step: keyof typeof ZJZ_ROUND_STEPS): number {
  return round * 100 + ZJZ_ROUND_STEPS[step];
}

/** A submission (round 1) or resubmission (round 2, 3 …) the vendor accepted: waiting for review. */
export function submittedStep(round: number): OrderStep {
  return {
    status: 'pending',
    vendorStatus: ZJZ_PENDING_STATUS,
    progress: progressOf(round, 'submitted'),
    lifecycle: ZJZ_LIFECYCLE,
  };
}

export function cancelledStep(round: number): OrderStep {
  return {
    status: 'cancelled',
    vendorStatus: '-2',
    progress: progressOf(round, 'cancelled'),
    lifecycle: ZJZ_LIFECYCLE,
  };
}

/**
 * The order step a callback leads to. A print order is done with its receipt at status 3 but ends
 * only once it is shipped (4), so it stays "processing" in between.
 */
export function stepForCallback(event: ZjzCallbackEvent, round: number, isPrint: boolean): OrderStep {
  return { ...vendorStep(event, round, isPrint), lifecycle: ZJZ_LIFECYCLE };
}

function vendorStep(event: ZjzCallbackEvent, round: number, isPrint: boolean): OrderStep {
  const vendorStatus = String(event.status);
  switch (event.kind) {
    case 'reviewing':
      return { status: 'processing', vendorStatus, progress: progressOf(round, 'reviewing') };
    case 'rejected':
      return { status: 'action_required', vendorStatus, progress: progressOf(round, 'rejected') };
    case 'done':
      return { status: isPrint ? 'processing' : 'completed', vendorStatus, progress: progressOf(round, 'done') };
    case 'shipped':
      return { status: 'completed', vendorStatus, progress: progressOf(round, 'shipped') };
    case 'cancelled':
      return { ...cancelledStep(round), vendorStatus };
  }
}

/** The line on the order's timeline for a callback. */
export function callbackMessage(event: ZjzCallbackEvent, isPrint: boolean): string {
  switch (event.kind) {
    case 'reviewing':
      return '证件照回执开始审核';
    case 'rejected':
      return `审核未通过：${event.rejectMsg ?? '照片或信息不符合要求'}`;
    case 'done':
      return isPrint ? '回执办理完成，等待打印寄出' : '回执办理完成';
    case 'shipped':
      return `已打印寄出：${event.logisticsInfo.expressName} ${event.logisticsInfo.expressNo}`;
    case 'cancelled':
      return '订单已取消';
  }
}
