import { fireEvent, render, screen } from '@testing-library/react';
import type { VendorEventViewDto } from '../api/types';
import { VendorEventCard } from './vendor-event-card';

const event = (overrides: Partial<VendorEventViewDto> = {}): VendorEventViewDto => ({
  key: 'cb-7',
  callbackId: 7,
  source: '回调',
  at: '2025-03-01 14:05',
  title: '证件照（zjzapi）回调',
  verification: '验签通过',
  result: '处理失败，等待重试',
  tone: 'warning',
  fields: [
    { label: '重复推送', value: '2 次' },
    { label: '原因', value: '查询超时', tone: 'warning' },
  ],
  replayable: true,
  payload: '{\n  "mobile": "139****5678"\n}',
  ...overrides,
});

describe('VendorEventCard', () => {
  it("shows the server's words for the event and offers the owner a replay of a failed callback", () => {
    const onReplay = jest.fn();
    const { container } = render(<VendorEventCard event={event()} onReplay={onReplay} />);
    const text = container.textContent ?? '';
    for (const words of ['证件照（zjzapi）回调', '验签通过', '处理失败，等待重试', '重复推送：2 次', '原因：查询超时'])
      expect(text).toContain(words);
    expect(container.querySelector('.vendor-event--warning')).not.toBeNull();
    fireEvent.click(screen.getByText('重放'));
    expect(onReplay).toHaveBeenCalledWith(7);
  });

  it('offers no replay to staff (no handler), nor for an answer to our own query', () => {
    render(<VendorEventCard event={event()} />);
    expect(screen.queryByText('重放')).toBeNull();
    render(<VendorEventCard event={event({ key: 'ev-3', callbackId: null, source: '查询' })} onReplay={jest.fn()} />);
    expect(screen.queryByText('重放')).toBeNull();
  });

  it('keeps the masked payload behind a fold', () => {
    const { container } = render(<VendorEventCard event={event({ replayable: false })} />);
    expect(container.querySelector('.vendor-event__payload')).toBeNull();
    fireEvent.click(screen.getByText('查看报文（已脱敏）'));
    expect(container.querySelector('.vendor-event__payload')?.textContent).toContain('139****5678');
  });
});
