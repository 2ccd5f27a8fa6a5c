import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { ExportBar } from '../../../features/merchant/components/export-bar';
import { MerchantNav } from '../../../features/merchant/components/merchant-nav';
import { MerchantOrderList } from '../../../features/merchant/components/merchant-order-list';
import { OrderFilterForm } from '../../../features/merchant/components/order-filter-form';
import { StatusCounts } from '../../../features/merchant/components/status-counts';
import {
  EMPTY_FILTERS,
  type MerchantFilters,
  toCountsQuery,
  toMerchantOrderQuery,
} from '../../../features/merchant/filters';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { useMerchantOrders, useOrderCounts } from '../../../features/merchant/hooks/use-merchant-orders';
import { clearMerchantSession, getMerchantAccount } from '../../../features/merchant/session';
import { useInfiniteScroll } from '../../../shared/hooks/use-page-events';
import { ROUTES } from '../../../shared/routes';
import './index.scss';

function MerchantOrders() {
  const [filters, setFilters] = useState<MerchantFilters>(EMPTY_FILTERS);
  const query = useMemo(() => toMerchantOrderQuery(filters), [filters]);
  const countsQuery = useMemo(() => toCountsQuery(filters), [filters]);
  const list = useMerchantOrders(query);
  const counts = useOrderCounts(countsQuery);
  useInfiniteScroll({
    loadMore: list.loadMore,
    refresh: () => Promise.all([list.refresh(), counts.reload()]).then(() => undefined),
  });
  const [account] = useState(getMerchantAccount);
  const matching = filters.status ? counts.data?.byStatus[filters.status] : counts.data?.total;

  const logout = () => {
    clearMerchantSession();
    void Taro.redirectTo({ url: ROUTES.merchantLogin });
  };

  return (
    <View className="merchant-orders-page">
      <View className="merchant-orders-header">
        <Text className="merchant-orders-header__title">全部订单</Text>
        <View className="merchant-orders-header__account">
          {account ? <Text>{account.username}</Text> : null}
          <Text className="merchant-logout" onClick={logout}>
            退出登录
          </Text>
        </View>
      </View>
      <OrderFilterForm value={filters} onSubmit={setFilters} />
      <StatusCounts
        counts={counts.data}
        value={filters.status}
        onChange={(status) => setFilters((current) => ({ ...current, status }))}
      />
      <ExportBar query={query} total={matching} />
      <View className="merchant-orders-page__list">
        <MerchantOrderList
          list={list}
          onOpen={(order) => void Taro.navigateTo({ url: ROUTES.merchantOrderDetail(order.id) })}
        />
      </View>
      <MerchantNav current="orders" />
    </View>
  );
}

export default function MerchantOrdersPage() {
  // Nothing is requested before the session check: a missing token goes to the login form, not to a 401.
  return useMerchantGuard() ? <MerchantOrders /> : null;
}
