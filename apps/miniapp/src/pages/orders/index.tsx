import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { OrderList } from '../../features/orders/components/order-list';
import { servicePageForOrder } from '../../features/registry';
import { useMyOrders } from '../../features/orders/hooks/use-my-orders';
import { useInfiniteScroll, useReloadOnReturn } from '../../shared/hooks/use-page-events';
import { ROUTES } from '../../shared/routes';
import './index.scss';

export default function OrdersPage() {
  const list = useMyOrders();
  useInfiniteScroll(list);
  // A status may have changed while the user was away (vendor callbacks arrive at any time).
  useReloadOnReturn(list.refresh);
  return (
    <View className="orders-page">
      <OrderList
        list={list}
        onOpen={(order) => void Taro.navigateTo({ url: servicePageForOrder(order) ?? ROUTES.orderDetail(order.id) })}
        onBrowse={() => void Taro.switchTab({ url: ROUTES.home })}
      />
    </View>
  );
}
