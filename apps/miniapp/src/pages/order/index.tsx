import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMyOrder } from '../../features/orders/hooks/use-my-order';
import { usePullDownReload } from '../../shared/hooks/use-page-events';
import { parseIdParam } from '../../shared/routes';
import { EmptyState } from '../../shared/ui/empty-state';
import { OrderDetailView } from '../../shared/ui/order-detail-view';
import { PageState } from '../../shared/ui/page-state';

export default function OrderPage() {
  const id = parseIdParam(useRouter().params.id);
  const order = useMyOrder(id);
  usePullDownReload(order.reload);
  if (id === null) return <EmptyState title="订单不存在" description="链接有误，请从订单列表进入" />;
  return (
    <View className="order-page">
      <PageState {...order}>{(detail) => <OrderDetailView order={detail} events={detail.events} />}</PageState>
    </View>
  );
}
