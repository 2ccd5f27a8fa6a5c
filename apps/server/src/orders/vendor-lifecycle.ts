import type { StatusOrder, StatusVerdict } from '@banshi/vendor-clients';
import type { CurrentStep, Lifecycle, OrderStep, TransitionDecision } from './order-status.js';

const DECISIONS: Record<StatusVerdict, TransitionDecision> = {
  forward: { apply: true },
  same: { apply: false, reason: 'same' },
  late: { apply: false, reason: 'stale' },
  final: { apply: false, reason: 'final' },
  refused: { apply: false, reason: 'refused' },
};

/**
 * A vendor's status order (from `@banshi/vendor-clients`) as the decider of an order's steps.
 * `sameEpoch` tells whether two steps belong to one pass through the lifecycle (a zjz
 * resubmission starts a new round); across epochs, and for statuses of our own that the vendor
 * never sends (提交中, 待核实 …), `progress` decides as before.
 */
export function lifecycleOf<S extends string | number>(
  order: StatusOrder<S>,
  sameEpoch: (a: number, b: number) => boolean = () => true,
): Lifecycle {
  return {
    decide(current: CurrentStep, next: OrderStep) {
      const from = order.parse(current.vendorStatus);
      const to = order.parse(next.vendorStatus);
      if (from === undefined || to === undefined || !sameEpoch(current.progress, next.progress)) return undefined;
      return DECISIONS[order.verdict(from, to)];
    },
  };
}
