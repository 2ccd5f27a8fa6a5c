import type { OrderSummaryDto } from '../../../shared/api/types';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import { OrderCard } from '../../../shared/ui/order-card';

interface OrderListProps {
  list: CursorListState<OrderSummaryDto>;
  onOpen: (order: OrderSummaryDto) => void;
  /** Where an empty list sends the user (the services on the home page). */
  onBrowse?: () => void;
}

/** The user's own orders, newest first. */
export function OrderList({ list, onOpen, onBrowse }: OrderListProps) {
  return (
    <CursorListView
      className="order-list"
      list={list}
      renderItem={(order) => <OrderCard order={order} onClick={() => onOpen(order)} />}
      empty={{
        title: '暂无订单',
        description: '办理过的业务会显示在这里',
        action: onBrowse ? { text: '去办事', onClick: onBrowse } : undefined,
      }}
    />
  );
}
