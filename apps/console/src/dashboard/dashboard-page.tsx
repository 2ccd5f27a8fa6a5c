import { Card, Col, Radio, Row, Statistic, Table } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { formatDay, formatFen } from '@miniapp-shared/format';
import { kindLabel } from '@miniapp-shared/labels';
import {
  dailyOrdersChart,
  ratesChart,
  vendorErrorsChart,
} from '@miniapp-features/merchant/components/dashboard-charts';
import { api } from '../api/client';
import type { Dashboard } from '../api/types';
import { formatMinutes, formatRate } from '../shared/labels';
import { useLoad } from '../shared/use-load';
import { F2Canvas2d } from './f2-canvas';

const PERIODS = [7, 30, 90] as const;
type Charted = Parameters<typeof dailyOrdersChart>[0];

/** The numbers of a period: totals, orders per day per kind, rates per kind and per vendor (lazy route). */
export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const days = PERIODS.find((p) => String(p) === params.get('days')) ?? 7;
  const to = formatDay(new Date());
  const from = formatDay(new Date(Date.now() - (days - 1) * 86_400_000));
  const dashboard = useLoad(`${from}|${to}`, () => api<Dashboard>('/api/merchant/dashboard', { query: { from, to } }));
  const data = dashboard.data;
  const charted = data as unknown as Charted;
  const key = `${from}|${to}|${data ? 1 : 0}`;
  return (
    <div className="dashboard-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Radio.Group
          className="dashboard-period"
          value={days}
          onChange={(e) => setParams({ days: String(e.target.value) })}
          options={PERIODS.map((p) => ({ value: p, label: `近 ${p} 天` }))}
          optionType="button"
        />
        <span style={{ marginLeft: 12, color: '#888' }}>
          {from} 至 {to}（北京时间）
        </span>
      </Card>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {[
          ['订单', data?.totals.orders],
          ['已完成', data?.totals.completed],
          ['失败', data?.totals.failed],
        ].map(([title, value]) => (
          <Col span={6} key={String(title)}>
            <Card size="small" className="dashboard-total">
              <Statistic
                title={title}
                value={(value as number | undefined) ?? '—'}
                loading={dashboard.loading && !data}
              />
            </Card>
          </Col>
        ))}
        <Col span={6}>
          <Card size="small" className="dashboard-total">
            <Statistic title="金额" value={data ? formatFen(data.totals.amountFen) : '—'} />
          </Card>
        </Col>
      </Row>
      {data ? (
        <>
          <Card size="small" title="每日订单" style={{ marginBottom: 12 }}>
            <F2Canvas2d height={280} dataKey={key} render={() => dailyOrdersChart(charted)} />
          </Card>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={14}>
              <Card size="small" title="各业务完成率与失败率">
                <F2Canvas2d height={240} dataKey={key} render={() => ratesChart(charted)} />
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title="服务商回调出错率">
                <F2Canvas2d height={240} dataKey={key} render={() => vendorErrorsChart(charted)} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="各业务明细">
            <Table
              className="dashboard-kinds"
              size="small"
              rowKey="kind"
              pagination={false}
              dataSource={data.kinds}
              columns={[
                { title: '业务', render: (_, row) => kindLabel(row.kind) },
                { title: '订单', render: (_, row) => row.total },
                { title: '已完成', render: (_, row) => row.completed },
                { title: '失败', render: (_, row) => row.failed },
                { title: '已取消', render: (_, row) => row.cancelled },
                { title: '进行中', render: (_, row) => row.open },
                { title: '完成率', render: (_, row) => formatRate(row.completionRate) },
                { title: '金额', render: (_, row) => formatFen(row.amountFen) },
                {
                  title: '平均完成用时',
                  render: (_, row) =>
                    row.avgCompletionSeconds === null
                      ? '—'
                      : formatMinutes(Math.max(1, Math.round(row.avgCompletionSeconds / 60))),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
