import { Text, View } from '@tarojs/components';
import type { MyOrderSummaryDto } from '../../../shared/api/types';
import { formatFen } from '../../../shared/format';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import { OrderCard } from '../../../shared/ui/order-card';
import './order-list.scss';

interface OrderListProps {
  list: CursorListState<MyOrderSummaryDto>;
  onOpen: (order: MyOrderSummaryDto) => void;
  /** Where an empty list sends the user (the services on the home page). */
  onBrowse?: () => void;
  /** A status tab is chosen: an empty list means none in that tab, not none at all. */
  filtered?: boolean;
}

/** 待支付 ¥… and 去支付 under an order whose payment is open: it opens the order's page, where it is paid. */
function PayableLine({ order, onOpen }: { order: MyOrderSummaryDto; onOpen: () => void }) {
  if (!order.payable) return null;
  return (
    <View className="order-payable">
      <Text className="order-payable__due">待支付 {formatFen(order.payable.amountFen)}</Text>
      <View
        className="order-payable__pay"
        onClick={(event) => {
          event.stopPropagation();
          onOpen();
        }}
      >
        去支付
      </View>
    </View>
  );
}

/** The user's own orders, newest first. */
export function OrderList({ list, onOpen, onBrowse, filtered = false }: OrderListProps) {
  return (
    <CursorListView
      className="order-list"
      list={list}
      renderItem={(order) => (
        <OrderCard
          order={order}
          onClick={() => onOpen(order)}
          statusText={order.payable ? '待支付' : undefined}
          extra={order.payable ? <PayableLine order={order} onOpen={() => onOpen(order)} /> : undefined}
        />
      )}
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
