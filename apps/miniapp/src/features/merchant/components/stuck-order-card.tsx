import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { OrderCard } from '../../../shared/ui/order-card';
import type { StuckOrderDto } from '../api/types';
import { formatMinutes } from '../labels';

interface StuckOrderCardProps {
  order: StuckOrderDto;
  refreshing: boolean;
  onOpen: (order: StuckOrderDto) => void;
  onRefresh: (order: StuckOrderDto) => void;
}

/** An order that has waited too long in its status, and, where the vendor allows, a way to ask it. */
export function StuckOrderCard({ order, refreshing, onOpen, onRefresh }: StuckOrderCardProps) {
  return (
    <OrderCard
      order={order}
      onClick={() => onOpen(order)}
      extra={
        <View className="stuck-order__extra">
          <Text className="stuck-order__waited">
            已停留 {formatMinutes(order.stuckMinutes)}（超过 {formatMinutes(order.thresholdMinutes)}）
          </Text>
          {order.canRefreshStatus ? (
            <Button
              className="stuck-order__refresh"
              size="small"
              type="primary"
              fill="outline"
              loading={refreshing}
              disabled={refreshing}
              onClick={(event) => {
                event.stopPropagation();
                onRefresh(order);
              }}
            >
              查询服务商
            </Button>
          ) : (
            <Text className="stuck-order__no-query">服务商无查询接口</Text>
          )}
        </View>
      }
    />
  );
}
