import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { getDashboard } from '../../../features/merchant/api/dashboard';
import { DashboardView } from '../../../features/merchant/components/dashboard-view';
import { MerchantNav } from '../../../features/merchant/components/merchant-nav';
import { useMerchantGuard } from '../../../features/merchant/hooks/use-merchant-guard';
import { lastDays } from '../../../features/merchant/period';
import { useRequest } from '../../../shared/api/use-request';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { PageState } from '../../../shared/ui/page-state';
import './index.scss';

const PERIODS = [7, 30, 90];

function Dashboard() {
  const [days, setDays] = useState(7);
  const period = useMemo(() => lastDays(days), [days]);
  const dashboard = useRequest(`${period.from}:${period.to}`, () => getDashboard(period.from, period.to));
  usePullDownReload(dashboard.reload);
  return (
    <View className="merchant-dashboard-page">
      <View className="dashboard-period">
        <View className="dashboard-period__options">
          {PERIODS.map((count) => (
            <Text
              key={count}
              className={`dashboard-period__option dashboard-period--${count}${count === days ? ' dashboard-period__option--active' : ''}`}
              onClick={() => setDays(count)}
            >
              近 {count} 天
            </Text>
          ))}
        </View>
        <Text className="dashboard-period__range">
          {period.from} 至 {period.to}（北京时间）
        </Text>
      </View>
      <PageState {...dashboard}>{(data) => <DashboardView dashboard={data} />}</PageState>
      <MerchantNav current="dashboard" />
    </View>
  );
}

export default function MerchantDashboardPage() {
  return useMerchantGuard() ? <Dashboard /> : null;
}
