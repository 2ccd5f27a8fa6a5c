import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MyOrderTab } from '../../features/orders/api/list-my-orders';
import { OrderList } from '../../features/orders/components/order-list';
import { OrderTabs } from '../../features/orders/components/order-tabs';
import { servicePageForOrder } from '../../features/registry';
import { useMyOrders } from '../../features/orders/hooks/use-my-orders';
import { useInfiniteScroll, useReloadOnReturn } from '../../shared/hooks/use-page-events';
import { useUnreadBadge } from '../../shared/messages/use-messages';
import { ROUTES } from '../../shared/routes';
import './index.scss';

export default function OrdersPage() {
  const [tab, setTab] = useState<MyOrderTab>('all');
  const list = useMyOrders(tab);
  useInfiniteScroll(list);
  // A status may have changed while the user was away (vendor callbacks arrive at any time).
  useReloadOnReturn(list.refresh);
  useUnreadBadge();
  return (
    <View className="orders-page">
      <OrderTabs value={tab} onChange={setTab} />
      <OrderList
        list={list}
        filtered={tab !== 'all'}
        onOpen={(order) => void Taro.navigateTo({ url: servicePageForOrder(order) ?? ROUTES.orderDetail(order.id) })}
        onBrowse={() => void Taro.switchTab({ url: ROUTES.home })}
      />
    </View>
  );
}
