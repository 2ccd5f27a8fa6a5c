import { decideTransition } from '../../orders/order-status.js';
import { STEP_SUBMITTING, stepForVendorStatus } from './order-steps.js';

describe('violation-payment order steps', () => {
  it('moves forward through created, paid and done', () => {
    const created = stepForVendorStatus(1, 'credit');
    const paid = stepForVendorStatus(2, 'credit');
    const done = stepForVendorStatus(3, 'credit');
    expect(decideTransition(STEP_SUBMITTING, created)).toEqual({ apply: true });
    expect(decideTransition(created, paid)).toEqual({ apply: true });
    expect(decideTransition(paid, done)).toEqual({ apply: true });
  });

  it('ignores a "paid" that arrives after "done", and refuses a "closed" after the terminal "done"', () => {
    const done = stepForVendorStatus(3, 'credit');
    expect(decideTransition(done, stepForVendorStatus(2, 'credit'))).toEqual({ apply: false, reason: 'stale' });
    expect(decideTransition(done, stepForVendorStatus(4, 'credit'))).toEqual({ apply: false, reason: 'final' });
  });

  it('asks the user to pay in online mode, not in credit mode', () => {
    expect(stepForVendorStatus(1, 'online').status).toBe('action_required');
    expect(stepForVendorStatus(1, 'credit').status).toBe('pending');
  });
});
