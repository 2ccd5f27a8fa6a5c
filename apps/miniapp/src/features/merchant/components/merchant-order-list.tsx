import { Text } from '@tarojs/components';
import type { MerchantOrderSummaryDto } from '../../../shared/api/types';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import { OrderCard } from '../../../shared/ui/order-card';

interface MerchantOrderListProps {
  list: CursorListState<MerchantOrderSummaryDto>;
  onOpen: (order: MerchantOrderSummaryDto) => void;
}

/** Every order of every user, whatever the kind; each row also says whose order it is. */
export function MerchantOrderList({ list, onOpen }: MerchantOrderListProps) {
  return (
    <CursorListView
      className="merchant-order-list"
      list={list}
      renderItem={(order) => (
        <OrderCard
          order={order}
          onClick={() => onOpen(order)}
          extra={<Text className="order-row__user">用户 ID {order.userId}</Text>}
        />
      )}
      empty={{ title: '没有符合条件的订单', description: '换个筛选条件试试' }}
    />
  );
}
