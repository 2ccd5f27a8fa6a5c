import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { MerchantOrderList } from '../../../features/merchant/components/merchant-order-list';
import { OrderFilterForm } from '../../../features/merchant/components/order-filter-form';
import { EMPTY_FILTERS, type MerchantFilters, toMerchantOrderQuery } from '../../../features/merchant/filters';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { useMerchantOrders } from '../../../features/merchant/hooks/use-merchant-orders';
import { clearMerchantSession, getMerchantAccount } from '../../../features/merchant/session';
import { useInfiniteScroll } from '../../../shared/hooks/use-page-events';
import { ROUTES } from '../../../shared/routes';
import './index.scss';

function MerchantOrders() {
  const [filters, setFilters] = useState<MerchantFilters>(EMPTY_FILTERS);
  const query = useMemo(() => toMerchantOrderQuery(filters), [filters]);
  const list = useMerchantOrders(query);
  useInfiniteScroll(list);
  const [account] = useState(getMerchantAccount);

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
      <View className="merchant-orders-page__list">
        <MerchantOrderList
          list={list}
          onOpen={(order) => void Taro.navigateTo({ url: ROUTES.merchantOrderDetail(order.id) })}
        />
      </View>
    </View>
  );
}

export default function MerchantOrdersPage() {
  // Nothing is requested before the session check: a missing token goes to the login form, not to a 401.
  return useMerchantGuard() ? <MerchantOrders /> : null;
}
