import { decideTransition } from '../orders/order-status.js';
import { isNews, stepForWorder, WORDER_STEPS } from './worder-steps.js';

describe('stepForWorder', () => {
  it('maps the lifecycle: 10 pending, 15–35 processing, 50 completed, 60 cancelled; progress = worderStatus', () => {
    expect(WORDER_STEPS.map((s) => stepForWorder(s).status)).toEqual([
      'pending',
      'processing',
      'processing',
      'processing',
      'processing',
      'processing',
      'completed',
    ]);
    expect(stepForWorder(60)).toEqual({ status: 'cancelled', vendorStatus: '60', progress: 60 });
    expect(stepForWorder(25)).toEqual({ status: 'processing', vendorStatus: '25', progress: 25 });
  });

  it('every step moves forward from the one before, a close applies to any open step, nothing after 50', () => {
    for (let i = 1; i < WORDER_STEPS.length; i++) {
      const from = stepForWorder(WORDER_STEPS[i - 1]);
      expect(decideTransition(from, stepForWorder(WORDER_STEPS[i]))).toEqual({ apply: true });
      expect(decideTransition(stepForWorder(WORDER_STEPS[i]), from)).toEqual({ apply: false, reason: 'stale' });
    }
    for (const open of WORDER_STEPS.slice(0, -1)) {
      expect(decideTransition(stepForWorder(open), stepForWorder(60))).toEqual({ apply: true });
    }
  });
});

describe('isNews', () => {
  it('only a known status ahead of an open order is news', () => {
    expect(isNews(stepForWorder(15), 25)).toBe(true);
    expect(isNews(stepForWorder(25), 25)).toBe(false);
    expect(isNews(stepForWorder(25), 20)).toBe(false);
    expect(isNews(stepForWorder(25), 40)).toBe(false);
    expect(isNews(stepForWorder(50), 60)).toBe(false);
    expect(isNews(stepForWorder(35), 60)).toBe(true);
  });
});
