import { decideTransition } from './order-status.js';

describe('decideTransition', () => {
  it('applies a step that moves forward', () => {
    expect(
      decideTransition({ status: 'pending', progress: 10 }, { status: 'processing', vendorStatus: '2', progress: 20 }),
    ).toEqual({ apply: true });
  });

  it('ignores a late step that would move backwards', () => {
    expect(
      decideTransition(
        { status: 'completed', progress: 30 },
        { status: 'processing', vendorStatus: '2', progress: 20 },
      ),
    ).toEqual({
      apply: false,
      reason: 'stale',
    });
  });

  it('ignores a repeat of the current step', () => {
    expect(
      decideTransition(
        { status: 'processing', progress: 20 },
        { status: 'processing', vendorStatus: '2', progress: 20 },
      ),
    ).toEqual({
      apply: false,
      reason: 'same',
    });
  });

  it('lets a final order move forward within its lifecycle (done → shipped)', () => {
    expect(
      decideTransition({ status: 'completed', progress: 30 }, { status: 'completed', vendorStatus: '4', progress: 40 }),
    ).toEqual({ apply: true });
  });

  it('never reopens a final order', () => {
    expect(
      decideTransition(
        { status: 'cancelled', progress: 50 },
        { status: 'processing', vendorStatus: 'x', progress: 60 },
      ),
    ).toEqual({
      apply: false,
      reason: 'final',
    });
  });
});
