import type { ZjzCallbackEvent } from '@banshi/vendor-clients/zjz';
import { decideTransition } from '../orders/order-status.js';
import { cancelledStep, progressOf, stepForCallback, submittedStep } from './zjz-steps.js';

const event = (status: 2 | 3 | 4 | -1 | -2): ZjzCallbackEvent => {
  const common = { orderNo: '20250101120000123456', fields: {} };
  switch (status) {
    case 2:
      return { ...common, status, kind: 'reviewing' };
    case 3:
      return { ...common, status, kind: 'done', imageReceipt: 'http://x/receipt.jpg' };
    case 4:
      return { ...common, status, kind: 'shipped', logisticsInfo: { expressName: '韵达', expressNo: '1' } };
    case -1:
      return { ...common, status, kind: 'rejected', rejectMsg: '背景不均匀' };
    case -2:
      return { ...common, status, kind: 'cancelled' };
  }
};

describe('zjz order steps', () => {
  it('orders the steps of a round: submitted < reviewing < rejected/done < shipped', () => {
    const steps = [submittedStep(1), stepForCallback(event(2), 1, true), stepForCallback(event(3), 1, true)];
    steps.push(stepForCallback(event(4), 1, true));
    const progress = steps.map((step) => step.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
  });

  it('a late reviewing callback is stale against done, and every step of round 1 against round 2', () => {
    const done = stepForCallback(event(3), 1, false);
    expect(decideTransition(done, stepForCallback(event(2), 1, false))).toEqual({ apply: false, reason: 'stale' });
    const resubmitted = submittedStep(2);
    for (const status of [2, 3, 4, -1, -2] as const) {
      expect(stepForCallback(event(status), 1, true).progress).toBeLessThan(resubmitted.progress);
    }
  });

  it('a rejection asks the user to act; resubmitting is a move forward out of it', () => {
    const rejected = stepForCallback(event(-1), 1, false);
    expect(rejected.status).toBe('action_required');
    expect(decideTransition(rejected, submittedStep(2))).toEqual({ apply: true });
  });

  it('a print order is processing between done and shipped; a plain one completes at done', () => {
    expect(stepForCallback(event(3), 1, true).status).toBe('processing');
    expect(stepForCallback(event(3), 1, false).status).toBe('completed');
    expect(stepForCallback(event(4), 1, true).status).toBe('completed');
  });

  it('cancelled ends the round: nothing of the same round comes after it', () => {
    expect(cancelledStep(1).progress).toBe(progressOf(1, 'cancelled'));
    for (const status of [2, 3, 4, -1] as const) {
      expect(stepForCallback(event(status), 1, true).progress).toBeLessThan(cancelledStep(1).progress);
    }
  });
});
