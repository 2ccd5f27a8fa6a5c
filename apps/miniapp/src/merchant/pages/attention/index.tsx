import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { refreshOrderStatus } from '../../../features/merchant/api/get-merchant-order';
import { CallbackCard } from '../../../features/merchant/components/callback-card';
import { MerchantNav } from '../../../features/merchant/components/merchant-nav';
import { StuckOrderCard } from '../../../features/merchant/components/stuck-order-card';
import {
  useAttentionCallbacks,
  useAttentionSummary,
  useStuckOrders,
} from '../../../features/merchant/hooks/use-attention';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { useReplay } from '../../../features/merchant/hooks/use-replay';
import { isMerchantOwner } from '../../../features/merchant/session';
import { usePullDownReload, useReloadOnReturn } from '../../../shared/hooks/use-page-events';
import { ROUTES } from '../../../shared/routes';
import { CursorListView } from '../../../shared/ui/cursor-list-view';
import './index.scss';

type Section = 'failed' | 'rejected' | 'stuck';

function Attention() {
  const [section, setSection] = useState<Section>('failed');
  const summary = useAttentionSummary();
  const callbacks = useAttentionCallbacks(section === 'stuck' ? 'failed' : section);
  const stuck = useStuckOrders(null);
  const current = section === 'stuck' ? stuck : callbacks;
  const reloadAll = () => Promise.all([summary.reload(), callbacks.refresh(), stuck.refresh()]).then(() => undefined);
  usePullDownReload(reloadAll);
  useReloadOnReturn(reloadAll);
  useReachBottom(() => void current.loadMore());
  const { replay, replaying } = useReplay(reloadAll);
  // Replay is the owner's (the server answers staff 403): staff see the failure, not the button.
  const owner = isMerchantOwner();
  const [refreshing, setRefreshing] = useState<number | null>(null);
  const openOrder = (id: number) => void Taro.navigateTo({ url: ROUTES.merchantOrderDetail(id) });

  const refresh = async (orderId: number) => {
    setRefreshing(orderId);
    try {
      const result = await refreshOrderStatus(orderId);
      void Taro.showToast({ title: result.changed ? '状态已更新' : '服务商状态没有变化', icon: 'none' });
    } catch {
      // Shown by the request wrapper.
    } finally {
      setRefreshing(null);
      await reloadAll();
    }
  };

  const tabs: Array<{ key: Section; label: string; count: number | undefined; hint: string }> = [
    {
      key: 'failed',
      label: '处理失败',
      count: summary.data?.failedCallbacks,
      hint: owner
        ? '已验签但处理时出错的回调：服务商会重发，也可以在这里重放（每条只生效一次）。'
        : '已验签但处理时出错的回调：服务商会重发；需要重放时请联系店主（每条只生效一次）。',
    },
    {
      key: 'rejected',
      label: '验签失败',
      count: summary.data?.rejectedCallbacks,
      hint: '签名或格式不对的回调，从未生效；数字为近 7 天。频繁出现请核对服务商配置。',
    },
    {
      key: 'stuck',
      label: '超时订单',
      count: summary.data?.stuckOrders,
      hint: '超过该业务时限仍未结束的订单，最久的在前；服务商有查询接口的可以直接查询。',
    },
  ];

  return (
    <View className="merchant-attention-page">
      <View className="attention-tabs">
        {tabs.map((tab) => (
          <View
            key={tab.key}
            className={`attention-tab attention-tab--${tab.key}${tab.key === section ? ' attention-tab--active' : ''}`}
            onClick={() => setSection(tab.key)}
          >
            <Text className="attention-tab__count">{tab.count ?? '–'}</Text>
            <Text className="attention-tab__label">{tab.label}</Text>
          </View>
        ))}
      </View>
      <View className="attention-hint">{tabs.find((tab) => tab.key === section)?.hint}</View>
      {section === 'stuck' ? (
        <CursorListView
          className="stuck-order-list"
          list={stuck}
          renderItem={(order) => (
            <StuckOrderCard
              order={order}
              refreshing={refreshing === order.id}
              onOpen={(item) => openOrder(item.id)}
              onRefresh={(item) => void refresh(item.id)}
            />
          )}
          empty={{ title: '没有超时的订单', description: '所有订单都在正常办理中' }}
        />
      ) : (
        <CursorListView
          className={`attention-callback-list attention-callback-list--${section}`}
          list={callbacks}
          renderItem={(callback) => (
            <CallbackCard
              callback={callback}
              replaying={replaying === callback.id}
              onReplay={owner ? (item) => void replay(item.id) : undefined}
              onOpenOrder={openOrder}
            />
          )}
          empty={{ title: section === 'failed' ? '没有处理失败的回调' : '没有验签失败的回调' }}
        />
      )}
      <MerchantNav
        current="attention"
        waiting={summary.data ? summary.data.failedCallbacks + summary.data.stuckOrders : undefined}
      />
    </View>
  );
}

export default function MerchantAttentionPage() {
  return useMerchantGuard() ? <Attention /> : null;
}
