import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { servicePageForOrder } from '../../features/registry';
import { useMyOrder } from '../../features/orders/hooks/use-my-order';
import { usePullDownReload } from '../../shared/hooks/use-page-events';
import { parseIdParam } from '../../shared/routes';
import { EmptyState } from '../../shared/ui/empty-state';
import { OrderDetailView } from '../../shared/ui/order-detail-view';
import { PageState } from '../../shared/ui/page-state';

/**
 * An order's timeline. Opened from a message (`open=service`: the message centre, a subscribe
 * message's tap), it forwards to the service's own page for the order, where its result is.
 */
export default function OrderPage() {
  const { params } = useRouter();
  const id = parseIdParam(params.id);
  const order = useMyOrder(id);
  usePullDownReload(order.reload);
  const servicePage = params.open === 'service' && order.data ? servicePageForOrder(order.data) : undefined;
  useEffect(() => {
    if (servicePage) void Taro.redirectTo({ url: servicePage });
  }, [servicePage]);
  if (id === null) return <EmptyState title="订单不存在" description="链接有误，请从订单列表进入" />;
  return (
    <View className="order-page">
      <PageState {...order}>{(detail) => <OrderDetailView order={detail} events={detail.events} />}</PageState>
    </View>
  );
}
