import { fireEvent, render, screen } from '@testing-library/react';
import type { VendorCallbackDto } from '../api/types';
import { CallbackCard } from './callback-card';

const callback = (overrides: Partial<VendorCallbackDto> = {}): VendorCallbackDto => ({
  id: 7,
  vendor: 'zjz',
  topic: 'order',
  status: 'failed',
  verified: true,
  outcome: null,
  reason: 'Error: lookup of 110***********1233 timed out',
  orderId: null,
  repeatCount: 2,
  attempts: 1,
  replayable: true,
  receivedAt: '2025-03-01T06:05:00.000Z',
  updatedAt: '2025-03-01T06:05:00.000Z',
  payload: { body: { mobile: '139****5678' } },
  ...overrides,
});

describe('CallbackCard', () => {
  it('shows the vendor, verification, outcome, repeats, reason and time, and offers a replay for a failed one', () => {
    const onReplay = jest.fn();
    const { container } = render(<CallbackCard callback={callback()} onReplay={onReplay} />);
    const text = container.textContent ?? '';
    expect(text).toContain('证件照（zjzapi） · order');
    expect(text).toContain('处理失败');
    expect(text).toContain('验签：通过');
    expect(text).toContain('重复推送：2 次');
    expect(text).toContain('原因：Error: lookup of 110***********1233 timed out');
    expect(text).toContain('收到于 2025-03-01 14:05');
    fireEvent.click(screen.getByText('重放'));
    expect(onReplay).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }));
  });

  it('shows the masked request on demand, and no replay for an applied or rejected one', () => {
    const { container } = render(
      <CallbackCard
        callback={callback({ status: 'rejected', verified: false, replayable: false })}
        onReplay={jest.fn()}
      />,
    );
    expect(container.textContent).toContain('验签：未通过');
    expect(screen.queryByText('重放')).toBeNull();
    expect(container.querySelector('.callback-card__payload')).toBeNull();
    fireEvent.click(screen.getByText('查看报文（已脱敏）'));
    expect(container.querySelector('.callback-card__payload')?.textContent).toContain('139****5678');
  });
});
