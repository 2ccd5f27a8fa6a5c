import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import type { DashboardDto } from '../api/types';
import { formatRate, formatSeconds, vendorLabel } from '../labels';
import { dailyOrdersChart, ratesChart, SHORT_KIND_LABELS, vendorErrorsChart } from './dashboard-charts';
import { F2Chart } from './f2-chart';
import './dashboard-view.scss';

/** The dashboard's numbers and charts for one period. */
export function DashboardView({ dashboard }: { dashboard: DashboardDto }) {
  const key = `${dashboard.from}:${dashboard.to}:${dashboard.totals.orders}`;
  const { totals } = dashboard;
  return (
    <View className="dashboard">
      <View className="dashboard-totals">
        {[
          { label: '订单', value: String(totals.orders) },
          { label: '已完成', value: String(totals.completed) },
          { label: '失败', value: String(totals.failed) },
          { label: '完成金额', value: formatFen(totals.amountFen) },
        ].map((item) => (
          <View key={item.label} className="dashboard-total">
            <Text className="dashboard-total__value">{item.value}</Text>
            <Text className="dashboard-total__label">{item.label}</Text>
          </View>
        ))}
      </View>

      <View className="dashboard-card">
        <View className="dashboard-card__title">每日订单</View>
        <F2Chart
          id="chart-daily"
          className="dashboard-chart--daily"
          height={240}
          dataKey={key}
          render={() => dailyOrdersChart(dashboard)}
        />
      </View>

      <View className="dashboard-card">
        <View className="dashboard-card__title">完成率与失败率</View>
        {dashboard.kinds.some((kind) => kind.total > 0) ? (
          <F2Chart
            id="chart-rates"
            className="dashboard-chart--rates"
            height={220}
            dataKey={key}
            render={() => ratesChart(dashboard)}
          />
        ) : (
          <View className="dashboard-card__empty">这段时间没有订单</View>
        )}
        <View className="dashboard-table">
          <View className="dashboard-table__row dashboard-table__row--head">
            <Text>业务</Text>
            <Text>订单</Text>
            <Text>完成率</Text>
            <Text>失败率</Text>
            <Text>完成金额</Text>
            <Text>平均用时</Text>
          </View>
          {dashboard.kinds.map((kind) => (
            <View key={kind.kind} className={`dashboard-table__row dashboard-kind--${kind.kind}`}>
              <Text>{SHORT_KIND_LABELS[kind.kind]}</Text>
              <Text>{kind.total}</Text>
              <Text>{formatRate(kind.completionRate)}</Text>
              <Text>{formatRate(kind.failureRate)}</Text>
              <Text>{formatFen(kind.amountFen)}</Text>
              <Text>{formatSeconds(kind.avgCompletionSeconds)}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="dashboard-card">
        <View className="dashboard-card__title">服务商回调错误率</View>
        {dashboard.vendors.length > 0 ? (
          <>
            <F2Chart
              id="chart-vendors"
              className="dashboard-chart--vendors"
              height={200}
              dataKey={key}
              render={() => vendorErrorsChart(dashboard)}
            />
            <View className="dashboard-table">
              {dashboard.vendors.map((vendor) => (
                <View key={vendor.vendor} className="dashboard-table__row dashboard-table__row--vendor">
                  <Text>{vendorLabel(vendor.vendor)}</Text>
                  <Text>
                    {vendor.rejected + vendor.failed}/{vendor.total} 异常（验签失败 {vendor.rejected}，处理失败{' '}
                    {vendor.failed}）
                  </Text>
                </View>
              ))}
            </View>
          </>
        ) : (
          <View className="dashboard-card__empty">这段时间没有收到服务商回调</View>
        )}
      </View>
    </View>
  );
}
