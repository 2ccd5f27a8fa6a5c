import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { refreshOrderStatus } from '../../../features/merchant/api/get-merchant-order';
import type { MerchantOrderViewDto } from '../../../features/merchant/api/types';
import { MerchantTimeline } from '../../../features/merchant/components/merchant-timeline';
import { VendorEventCard } from '../../../features/merchant/components/vendor-event-card';
import { ViewSections } from '../../../features/merchant/components/view-sections';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { useMerchantOrderView } from '../../../features/merchant/hooks/use-merchant-order';
import { useReplay } from '../../../features/merchant/hooks/use-replay';
import { isMerchantOwner } from '../../../features/merchant/session';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { parseIdParam } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import { StatusTag } from '../../../shared/ui/status-tag';
import './index.scss';

function RefreshButton({ id, onDone }: { id: number; onDone: () => Promise<void> }) {
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
      await onDone();
    }
  };
  return (
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
  );
}

function VendorEvents({ view, onChanged }: { view: MerchantOrderViewDto; onChanged: () => Promise<void> }) {
  const { replay, replaying } = useReplay(onChanged);
  const owner = isMerchantOwner();
  const { vendorEvents } = view;
  return (
    <View className="merchant-section merchant-vendor-events">
      <View className="merchant-section__title">{vendorEvents.title}</View>
      {vendorEvents.items.length === 0 ? (
        <View className="merchant-section__note">还没有服务商的回调或查询结果</View>
      ) : (
        vendorEvents.items.map((event) => (
          <VendorEventCard
            key={event.key}
            event={event}
            replaying={replaying !== null && replaying === event.callbackId}
            onReplay={owner ? (callbackId) => void replay(callbackId) : undefined}
          />
        ))
      )}
    </View>
  );
}

function MerchantOrderDetail({ id }: { id: number }) {
  const detail = useMerchantOrderView(id);
  usePullDownReload(detail.reload);
  return (
    <PageState {...detail}>
      {(view) => (
        <View>
          <View className="merchant-detail-head">
            <View className="merchant-detail-head__title">{view.order.title}</View>
            <StatusTag status={view.order.status} />
          </View>
          <ViewSections sections={view.sections} />
          {view.canRefreshStatus ? <RefreshButton id={id} onDone={detail.reload} /> : null}
          <View className="merchant-section merchant-timeline-section">
            <View className="merchant-section__title">办理进度</View>
            <MerchantTimeline entries={view.timeline} />
          </View>
          <VendorEvents view={view} onChanged={detail.reload} />
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
