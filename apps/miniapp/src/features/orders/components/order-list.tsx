import type { OrderSummaryDto } from '../../../shared/api/types';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import { OrderCard } from '../../../shared/ui/order-card';

interface OrderListProps {
  list: CursorListState<OrderSummaryDto>;
  onOpen: (order: OrderSummaryDto) => void;
  /** Where an empty list sends the user (the services on the home page). */
  onBrowse?: () => void;
  /** A status tab is chosen: an empty list means none in that tab, not none at all. */
  filtered?: boolean;
}

/** The user's own orders, newest first. */
export function OrderList({ list, onOpen, onBrowse, filtered = false }: OrderListProps) {
  return (
    <CursorListView
      className="order-list"
      list={list}
      renderItem={(order) => <OrderCard order={order} onClick={() => onOpen(order)} />}
      empty={
        filtered
          ? { title: '没有这个状态的订单', description: '切换上方的标签查看其他订单' }
          : {
              title: '暂无订单',
              description: '办理过的业务会显示在这里',
              action: onBrowse ? { text: '去办事', onClick: onBrowse } : undefined,
            }
      }
    />
  );
}
