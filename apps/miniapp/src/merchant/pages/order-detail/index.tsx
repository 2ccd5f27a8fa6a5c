import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { useMerchantOrder } from '../../../features/merchant/hooks/use-merchant-order';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { OrderDetailView } from '../../../shared/ui/order-detail-view';
import { PageState } from '../../../shared/ui/page-state';

function MerchantOrderDetail({ id }: { id: number }) {
  const detail = useMerchantOrder(id);
  usePullDownReload(detail.reload);
  return (
    <PageState {...detail}>
      {({ order, events }) => (
        <OrderDetailView
          order={order}
          events={events}
          extraFields={[
            { label: '用户 ID', value: String(order.userId) },
            { label: '服务商单号', value: order.vendorRef ?? '—' },
            { label: '服务商状态', value: order.vendorStatus ?? '—' },
          ]}
        />
      )}
    </PageState>
  );
}

export default function MerchantOrderDetailPage() {
  const signedIn = useMerchantGuard();
  const id = parseIdParam(useRouter().params.id);
  if (!signedIn) return null;
  if (id === null) return <EmptyState title="订单不存在" description="链接有误，请从订单列表进入" />;
  return (
    <View className="merchant-order-detail-page">
      <MerchantOrderDetail id={id} />
    </View>
  );
}
