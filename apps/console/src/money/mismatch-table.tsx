import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatFen } from '@miniapp-shared/format';
import type { ReconciliationMismatch } from '../api/types';
import { useCursorPages } from '../shared/cursor-table';
import { Pager } from '../shared/pager';
import { listMismatches } from './reconciliation-api';

const KIND_COLORS: Record<ReconciliationMismatch['kind'], string> = {
  unknown_payment: 'red',
  not_paid_here: 'orange',
  amount_mismatch: 'red',
  transaction_mismatch: 'orange',
  unknown_refund: 'red',
  refund_status_mismatch: 'gold',
  missing_at_wechat: 'red',
  refund_missing: 'red',
};

const money = (fen: number | null) => (fen === null ? '—' : <span className="money">{formatFen(fen)}</span>);

function columns(withDay: boolean, onOpen: (orderId: number) => void): ColumnsType<ReconciliationMismatch> {
  return [
    ...(withDay
      ? [
          {
            key: 'day',
            title: '账单日期',
            width: 96,
            render: (_: unknown, row: ReconciliationMismatch) => row.billDate,
          },
        ]
      : []),
    {
      key: 'kind',
      title: '差异',
      width: 190,
      render: (_, row) => (
        <Tag className={`mismatch-kind mismatch-kind--${row.kind}`} color={KIND_COLORS[row.kind]}>
          {row.kindLabel}
        </Tag>
      ),
    },
    {
      key: 'outTradeNo',
      title: '商户订单号',
      width: 180,
      render: (_, row) =>
        row.orderId ? (
          <Typography.Link className="mismatch-order" onClick={() => onOpen(row.orderId as number)}>
            {row.outTradeNo}
          </Typography.Link>
        ) : (
          <span className="vendor-code">{row.outTradeNo}</span>
        ),
    },
    {
      key: 'outRefundNo',
      title: '商户退款单号',
      width: 200,
      ellipsis: true,
      render: (_, row) => <span className="vendor-code">{row.outRefundNo ?? '—'}</span>,
    },
    { key: 'wechat', title: '微信支付', width: 90, align: 'right', render: (_, row) => money(row.wechatFen) },
    { key: 'ours', title: '本系统', width: 90, align: 'right', render: (_, row) => money(row.ourFen) },
    {
      key: 'detail',
      title: '说明与处理建议',
      render: (_, row) => (
        <div className="mismatch-detail">
          <div>{row.detail}</div>
          <Typography.Text type="secondary" className="mismatch-advice">
            {row.advice}
          </Typography.Text>
        </div>
      ),
    },
  ];
}

/** The differences a reconciliation found: one day's (the 对账 page) or every day's (待处理). */
export function MismatchTable({ billDate, onOpen }: { billDate?: string; onOpen(orderId: number): void }) {
  const list = useCursorPages(`mismatches:${billDate ?? 'all'}`, (cursor) => listMismatches(billDate, cursor));
  return (
    <>
      <Table<ReconciliationMismatch>
        className="mismatch-table"
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.page.loading}
        dataSource={list.page.data?.items ?? []}
        columns={columns(!billDate, onOpen)}
        locale={{ emptyText: billDate ? '该日对账没有差异' : '没有对账差异' }}
      />
      <Pager pageNumber={list.pageNumber} prev={list.prev} next={list.next} />
    </>
  );
}
