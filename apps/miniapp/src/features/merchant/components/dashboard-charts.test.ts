import type { DashboardDto } from '../api/types';
import { dailyOrdersChart, dailyRows, rateRows, vendorRows } from './dashboard-charts';

const dashboard: DashboardDto = {
  from: '2025-03-01',
  to: '2025-03-02',
  days: ['2025-03-01', '2025-03-02'],
  perDay: [
    { day: '2025-03-01', kind: 'id_photo', count: 2 },
    { day: '2025-03-02', kind: 'id_photo', count: 0 },
  ],
  kinds: [
    {
      kind: 'id_photo',
      total: 4,
      completed: 2,
      failed: 1,
      cancelled: 0,
      open: 1,
      completionRate: 0.5,
      failureRate: 0.25,
      amountFen: 2200,
      avgCompletionSeconds: 60,
    },
    {
      kind: 'identity',
      total: 0,
      completed: 0,
      failed: 0,
      cancelled: 0,
      open: 0,
      completionRate: 0,
      failureRate: 0,
      amountFen: 0,
      avgCompletionSeconds: null,
    },
  ],
  vendors: [{ vendor: 'zjz', total: 7, applied: 5, rejected: 1, failed: 1, errorRate: 0.2857 }],
  totals: { orders: 4, completed: 2, failed: 1, amountFen: 2200 },
};

describe('dashboard charts', () => {
  it('feeds the daily line chart one row per day and kind, with short names', () => {
    expect(dailyRows(dashboard)).toEqual([
      { day: '03-01', kind: '证件照', count: 2 },
      { day: '03-02', kind: '证件照', count: 0 },
    ]);
  });

  it('feeds the rate bars only kinds that had orders, completion and failure side by side', () => {
    expect(rateRows(dashboard)).toEqual([
      { kind: '证件照', type: '完成率', rate: 0.5 },
      { kind: '证件照', type: '失败率', rate: 0.25 },
    ]);
    expect(vendorRows(dashboard)).toEqual([{ vendor: '证件照', errorRate: 0.2857 }]);
  });

  it('builds an F2 chart with both axes, a line per kind and a legend', () => {
    const chart = dailyOrdersChart(dashboard) as {
      props: { data: unknown[]; children: Array<{ props: Record<string, unknown> } | null> };
    };
    expect(chart.props.data).toHaveLength(2);
    const children = chart.props.children.filter(Boolean) as Array<{ props: Record<string, unknown> }>;
    expect(children.map((child) => child.props.field ?? child.props.x ?? child.props.position)).toEqual([
      'day',
      'count',
      'day',
      'day',
      'top',
    ]);
  });
});
