import { render } from '@testing-library/react';
import type { OrderEventDto } from '../api/types';
import { OrderTimeline } from './order-timeline';

const event = (overrides: Partial<OrderEventDto>): OrderEventDto => ({
  id: 1,
  actor: 'user',
  type: 'created',
  fromStatus: null,
  toStatus: 'pending',
  vendorStatus: null,
  message: '提交订单',
  createdAt: '2025-03-01T06:05:00Z',
  ...overrides,
});

describe('OrderTimeline', () => {
  it('lists events newest first with actor, status change, message and time', () => {
    const { container } = render(
      <OrderTimeline
        events={[
          event({}),
          event({
            id: 2,
            actor: 'vendor',
            type: 'callback',
            fromStatus: 'processing',
            toStatus: 'completed',
            vendorStatus: 'DONE',
            message: '回执已生成',
            createdAt: '2025-03-01T06:10:00Z',
          }),
        ]}
      />,
    );

    const rows = [...container.querySelectorAll('.order-event')].map((row) => row.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('服务商');
    expect(rows[0]).toContain('处理中 → 已完成');
    expect(rows[0]).toContain('回执已生成');
    expect(rows[0]).toContain('服务商状态：DONE');
    expect(rows[0]).toContain('2025-03-01 14:10');
    expect(rows[1]).toContain('用户');
    expect(rows[1]).toContain('待处理');
  });

  it("shows a user's steps without any vendor line (the server sends users no vendor code)", () => {
    const { vendorStatus: _code, ...userStep } = event({ actor: 'vendor', message: '识别完成' });
    const { container } = render(<OrderTimeline events={[userStep]} />);
    expect(container.textContent).toContain('识别完成');
    expect(container.textContent).not.toContain('服务商状态');
    expect(container.querySelector('.order-event__vendor')).toBeNull();
  });

  it('shows a repeated callback without a status change', () => {
    const { container } = render(
      <OrderTimeline events={[event({ actor: 'vendor', fromStatus: null, toStatus: null, message: '重复回调' })]} />,
    );

    expect(container.querySelector('.order-event__change')).toBeNull();
    expect(container.textContent).toContain('重复回调');
  });

  it('says so when there is no event yet', () => {
    const { container } = render(<OrderTimeline events={[]} />);
    expect(container.textContent).toContain('暂无记录');
  });
});
