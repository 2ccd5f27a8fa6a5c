import { App, Alert, Button, Card, DatePicker, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime, formatFen } from '@miniapp-shared/format';
import { ApiError } from '../api/client';
import type { ReconciliationRun } from '../api/types';
import { session } from '../api/session';
import { OrderDrawer } from '../orders/order-drawer';
import { useCursorPages } from '../shared/cursor-table';
import { Pager } from '../shared/pager';
import { MismatchTable } from './mismatch-table';
import { listRuns, rerunDay } from './reconciliation-api';

const RUN_COLORS: Record<ReconciliationRun['status'], string> = {
  running: 'blue',
  balanced: 'green',
  unbalanced: 'red',
  failed: 'orange',
};

const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;
/** WeChat Pay's figure, and ours beneath it when they differ. */
const pair = (wechat: number, ours: number) => (
  <>
    {money(wechat)}
    {wechat !== ours ? <div className="run-ours">本系统 {formatFen(ours)}</div> : null}
  </>
);

function runColumns(rerun: (day: string) => ReactNode): ColumnsType<ReconciliationRun> {
  return [
    { key: 'day', title: '账单日期', width: 100, render: (_, row) => row.billDate },
    {
      key: 'status',
      title: '结果',
      width: 84,
      render: (_, row) => (
        <Tooltip title={row.error}>
          <Tag className="run-status" color={RUN_COLORS[row.status]}>
            {row.statusLabel}
          </Tag>
        </Tooltip>
      ),
    },
    { key: 'lines', title: '账单笔数', width: 80, align: 'right', render: (_, row) => row.billLines },
    { key: 'matched', title: '一致', width: 64, align: 'right', render: (_, row) => row.matched },
    {
      key: 'mismatches',
      title: '差异',
      width: 64,
      align: 'right',
      render: (_, row) => (row.mismatches > 0 ? <Typography.Text type="danger">{row.mismatches}</Typography.Text> : 0),
    },
    {
      key: 'paid',
      title: '微信收款',
      width: 120,
      align: 'right',
      render: (_, row) => pair(row.wechatPaidFen, row.ourPaidFen),
    },
    {
      key: 'refunded',
      title: '微信退款',
      width: 120,
      align: 'right',
      render: (_, row) => pair(row.wechatRefundFen, row.ourRefundFen),
    },
    { key: 'fee', title: '手续费', width: 90, align: 'right', render: (_, row) => money(row.wechatFeeFen) },
    { key: 'error', title: '说明', ellipsis: true, render: (_, row) => row.error ?? '—' },
    { key: 'at', title: '对账时间', width: 140, render: (_, row) => formatDateTime(row.finishedAt ?? row.startedAt) },
    { key: 'attempts', title: '次数', width: 56, align: 'right', render: (_, row) => row.attempts },
    { key: 'action', title: '操作', width: 100, render: (_, row) => rerun(row.billDate) },
  ];
}

function RerunButton({ day, busy, onRerun }: { day: string; busy: boolean; onRerun(day: string): void }) {
  if (session.merchant()?.role !== 'owner') {
    return (
      <Tooltip title="仅管理员可以重新对账">
        <Button size="small" className="rerun-button" disabled>
          重新对账
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm
      title="重新对账"
      description="将重新下载该日微信支付账单并核对，该日的差异以新结果为准。"
      okText="对账"
      cancelText="取消"
      onConfirm={() => onRerun(day)}
    >
      <Button size="small" className="rerun-button" loading={busy} onClick={(event) => event.stopPropagation()}>
        重新对账
      </Button>
    </Popconfirm>
  );
}

/**
 * 对账: each day's reconciliation of WeChat Pay's trade bill with our payments and refunds (the
 * server runs it every morning after 10:00), and the differences of the day picked.
 */
export default function ReconciliationPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const runs = useCursorPages('runs', listRuns);
  const [busy, setBusy] = useState<string | null>(null);
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const items = runs.page.data?.items ?? [];
  const day = params.get('day') ?? items[0]?.billDate;
  const owner = session.merchant()?.role === 'owner';

  const rerun = async (billDate: string) => {
    setBusy(billDate);
    try {
      const run = await rerunDay(billDate);
      void message.success(
        `${billDate} 对账完成：${run.statusLabel}${run.mismatches ? `，${run.mismatches} 处差异` : ''}`,
      );
      setParams({ day: billDate });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '对账失败，请稍后重试');
    } finally {
      setBusy(null);
      runs.page.reload();
    }
  };

  return (
    <div className="reconciliation-page">
      <Card size="small" className="table-card">
        <div className="table-toolbar">
          <Typography.Text type="secondary">
            每日 10 点后自动核对前一日微信支付账单；金额为微信支付账单所记。
          </Typography.Text>
          {owner ? (
            <Space className="reconcile-day">
              <DatePicker size="small" value={picked} onChange={setPicked} placeholder="选择账单日期" />
              <Button
                size="small"
                type="primary"
                disabled={!picked}
                loading={busy !== null && busy === picked?.format('YYYY-MM-DD')}
                onClick={() => picked && void rerun(picked.format('YYYY-MM-DD'))}
              >
                对账
              </Button>
            </Space>
          ) : null}
        </div>
        {runs.page.error ? <Alert type="error" showIcon message={runs.page.error.message} /> : null}
        <Table<ReconciliationRun>
          className="run-table"
          size="small"
          rowKey="billDate"
          pagination={false}
          loading={runs.page.loading}
          dataSource={items}
          columns={runColumns((billDate) => (
            <RerunButton day={billDate} busy={busy === billDate} onRerun={(d) => void rerun(d)} />
          ))}
          rowClassName={(row) => (row.billDate === day ? 'run-row--selected' : '')}
          onRow={(row) => ({ onClick: () => setParams({ day: row.billDate }) })}
          locale={{ emptyText: '还没有对账记录' }}
        />
        <Pager pageNumber={runs.pageNumber} prev={runs.prev} next={runs.next} />
      </Card>
      {day ? (
        <Card size="small" className="table-card mismatch-card" title={`${day} 的差异`}>
          <MismatchTable billDate={day} onOpen={setOpen} />
        </Card>
      ) : null}
      <OrderDrawer orderId={open} onClose={() => setOpen(null)} onChanged={runs.page.reload} />
    </div>
  );
}
