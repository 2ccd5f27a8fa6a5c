import { fireEvent, render, screen } from '@testing-library/react';
import type { MyOrderSummaryDto as OrderSummaryDto } from '../../../shared/api/types';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import { OrderList } from './order-list';

const order = (overrides: Partial<OrderSummaryDto>): OrderSummaryDto => ({
  id: 1,
  orderNo: 'BS202503010001',
  kind: 'id_photo',
  status: 'completed',
  title: '身份证 · 电子回执',
  amountFen: 1990,
  createdAt: '2025-03-01T06:05:00.000Z',
  updatedAt: '2025-03-01T06:10:00.000Z',
  payable: null,
  ...overrides,
});

function listOf(items: OrderSummaryDto[], overrides: Partial<CursorListState<OrderSummaryDto>> = {}) {
  return {
    items,
    loading: false,
    loadingMore: false,
    hasMore: false,
    error: undefined,
    loadMore: jest.fn(() => Promise.resolve()),
    refresh: jest.fn(() => Promise.resolve()),
    ...overrides,
  };
}

describe('OrderList', () => {
  it('renders one row per order with kind, status, amount, number and Beijing time', () => {
    const { container } = render(
      <OrderList
        list={listOf([
          order({}),
          order({ id: 2, orderNo: 'BS202503010002', kind: 'invoice_scan', status: 'action_required', amountFen: 50 }),
        ])}
        onOpen={jest.fn()}
      />,
    );

    const rows = container.querySelectorAll('.order-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('证件照回执');
    expect(rows[0].textContent).toContain('已完成');
    expect(rows[0].textContent).toContain('¥19.90');
    expect(rows[0].textContent).toContain('订单号 BS202503010001');
    expect(rows[0].textContent).toContain('2025-03-01 14:05');
    expect(rows[1].textContent).toContain('票据识别');
    expect(rows[1].querySelector('.status-tag--action_required')?.textContent).toBe('待补充');
    expect(rows[1].textContent).toContain('¥0.50');
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('shows 待支付 with the amount and 去支付 only under an order whose payment is open', () => {
    const onOpen = jest.fn();
    const { container } = render(
      <OrderList
        list={listOf([
          order({
            id: 7,
            kind: 'invoice_scan',
            status: 'pending',
            amountFen: 50,
            payable: { amountFen: 50, expiresAt: '2025-03-01T06:35:00.000Z' },
          }),
          order({ id: 8 }),
        ])}
        onOpen={onOpen}
      />,
    );

    const rows = container.querySelectorAll('.order-row');
    expect(rows[0].querySelector('.order-payable__due')?.textContent).toBe('待支付 ¥0.50');
    expect(rows[1].querySelector('.order-payable')).toBeNull();
    expect(rows[0].querySelector('.status-tag')?.textContent).toBe('待支付');
    expect(rows[1].querySelector('.status-tag')?.textContent).not.toBe('待支付');
    fireEvent.click(screen.getByText('去支付'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }));
  });

  it('opens the tapped order', () => {
    const onOpen = jest.fn();
    const { container } = render(<OrderList list={listOf([order({ id: 42 })])} onOpen={onOpen} />);

    fireEvent.click(container.querySelector('.order-row') as Element);

    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 42 }));
  });

  it('offers to load more while the server has a next cursor', () => {
    const list = listOf([order({})], { hasMore: true });
    render(<OrderList list={list} onOpen={jest.fn()} />);

    fireEvent.click(screen.getByText('加载更多'));

    expect(list.loadMore).toHaveBeenCalledTimes(1);
  });

  it('shows an empty state that leads to the services when there is no order', () => {
    const onBrowse = jest.fn();
    const { container } = render(<OrderList list={listOf([])} onOpen={jest.fn()} onBrowse={onBrowse} />);

    expect(container.querySelector('.order-row')).toBeNull();
    expect(container.querySelector('.list-empty')).not.toBeNull();
    expect(screen.getByText('暂无订单')).toBeTruthy();
    fireEvent.click(screen.getByText('去办事'));
    expect(onBrowse).toHaveBeenCalled();
  });

  it('shows skeletons, not the empty state, while the first page loads', () => {
    const { container } = render(<OrderList list={listOf([], { loading: true })} onOpen={jest.fn()} />);

    expect(container.querySelector('.page-skeleton')).not.toBeNull();
    expect(screen.queryByText('暂无订单')).toBeNull();
  });

  it('offers a retry when the first page failed', () => {
    const list = listOf([], { error: new Error('offline') });
    render(<OrderList list={list} onOpen={jest.fn()} />);

    fireEvent.click(screen.getByText('重新加载'));

    expect(list.refresh).toHaveBeenCalled();
  });
});
