import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { hasKindDetails, refreshOrderStatus } from '../../../features/merchant/api/get-merchant-order';
import type { ConsoleOrderDetailDto } from '../../../features/merchant/api/types';
import { CallbackCard } from '../../../features/merchant/components/callback-card';
import { KindDetails } from '../../../features/merchant/components/kind-details';
import { detailNodes } from '../../../features/merchant/components/kind-details-format';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { useKindDetails, useMerchantOrder } from '../../../features/merchant/hooks/use-merchant-order';
import { useReplay } from '../../../features/merchant/hooks/use-replay';
import { ApiError } from '../../../shared/api/request';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { kindLabel } from '../../../shared/labels';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { OrderDetailView } from '../../../shared/ui/order-detail-view';
import { PageSkeleton } from '../../../shared/ui/page-skeleton';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

function KindSection({ data, id }: { data: ConsoleOrderDetailDto; id: number }) {
  const kind = data.order.kind;
  const details = useKindDetails(hasKindDetails(kind) ? kind : undefined, id);
  let body;
  if (!hasKindDetails(kind)) body = <View className="merchant-section__note">该业务的办理经过见下方进度</View>;
  else if (details.loading) body = <PageSkeleton cards={1} />;
  else if (details.error)
    body = (
      <View className="merchant-section__note">
        {details.error instanceof ApiError ? details.error.message : '详情加载失败'}
        <Text className="merchant-section__retry" onClick={() => void details.reload()}>
          重试
        </Text>
      </View>
    );
  else if (!details.data)
    body = (
      <View className="merchant-section__note">
        暂无{kindLabel(kind)}的业务详情（该服务尚未提供或订单没有详情记录）
      </View>
    );
  else body = <KindDetails nodes={detailNodes(details.data)} />;
  return (
    <View className="merchant-section merchant-kind-details">
      <View className="merchant-section__title">{kindLabel(kind)}详情</View>
      {body}
    </View>
  );
}

function MerchantOrderDetail({ id }: { id: number }) {
  const detail = useMerchantOrder(id);
  usePullDownReload(detail.reload);
  const { replay, replaying } = useReplay(detail.reload);
  const [refreshing, setRefreshing] = useState(false);

  const refresh = async () => {
    setRefreshing(true);
    try {
      const result = await refreshOrderStatus(id);
      void Taro.showToast({ title: result.changed ? '状态已更新' : '服务商状态没有变化', icon: 'none' });
    } catch {
      // Shown by the request wrapper (the vendor could not answer: try again later).
    } finally {
      setRefreshing(false);
      await detail.reload();
    }
  };

  return (
    <PageState {...detail}>
      {(data) => (
        <View>
          <OrderDetailView
            order={data.order}
            events={data.events}
            extraFields={[
              {
                label: '用户',
                value: data.user ? `${data.user.nickname}（ID ${data.user.id}）` : `ID ${data.order.userId}`,
              },
              { label: '用户手机', value: data.user?.phone ?? '未绑定' },
              { label: '服务商单号', value: data.order.vendorRef ?? '—' },
              { label: '服务商状态', value: data.order.vendorStatus ?? '—' },
            ]}
          />
          {data.canRefreshStatus ? (
            <View className="merchant-refresh">
              <Button
                className="merchant-refresh__button"
                block
                fill="outline"
                type="primary"
                loading={refreshing}
                disabled={refreshing}
                onClick={() => void refresh()}
              >
                向服务商查询最新状态
              </Button>
            </View>
          ) : null}
          <KindSection data={data} id={id} />
          <View className="merchant-section merchant-callbacks">
            <View className="merchant-section__title">服务商回调（{data.callbacks.length}）</View>
            {data.callbacks.length === 0 ? (
              <View className="merchant-section__note">还没有收到服务商回调</View>
            ) : (
              data.callbacks.map((callback) => (
                <CallbackCard
                  key={callback.id}
                  callback={callback}
                  replaying={replaying === callback.id}
                  onReplay={(item) => void replay(item)}
                />
              ))
            )}
          </View>
        </View>
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
