import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime, formatFen } from '@miniapp-shared/format';
import { kindLabel } from '@miniapp-shared/labels';
import type { PaymentRow, PaymentStatus, RefundRow } from '../api/types';
import { userCell } from '../orders/order-columns';

export const PAYMENT_STATUS_COLORS: Record<PaymentStatus, string> = {
  created: 'orange',
  paying: 'orange',
  paid: 'green',
  closed: 'default',
  refunding: 'blue',
  partially_refunded: 'gold',
  refunded: 'purple',
};

const REFUND_STATUS_COLORS: Record<RefundRow['status'], string> = {
  pending: 'orange',
  processing: 'blue',
  success: 'green',
  closed: 'red',
  abnormal: 'red',
};

const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;
const time = (value: string | null) => (value ? formatDateTime(value) : '—');

/** The payments table: one row per order's payment; its refunds open below it. */
export function paymentColumns(onOpen: (row: PaymentRow) => void): ColumnsType<PaymentRow> {
  return [
    {
      key: 'orderNo',
      title: '订单号',
      width: 180,
      render: (_, row) => (
        <Typography.Link className="payment-order-no" onClick={() => onOpen(row)}>
          {row.orderNo}
        </Typography.Link>
      ),
    },
    { key: 'kind', title: '业务', width: 90, render: (_, row) => kindLabel(row.kind) },
    { key: 'user', title: '用户', width: 170, ellipsis: true, render: (_, row) => userCell(row) },
    { key: 'amount', title: '订单金额', width: 96, align: 'right', render: (_, row) => money(row.amountFen) },
    { key: 'paid', title: '实付', width: 96, align: 'right', render: (_, row) => money(row.paidFen) },
    {
      key: 'refunded',
      title: '已退',
      width: 96,
      align: 'right',
      render: (_, row) => (row.refundedFen > 0 ? money(row.refundedFen) : '—'),
    },
    {
      key: 'status',
      title: '支付状态',
      width: 96,
      render: (_, row) => (
        <Tag className="payment-status" color={PAYMENT_STATUS_COLORS[row.status]}>
          {row.statusLabel}
        </Tag>
      ),
    },
    { key: 'paidAt', title: '支付时间', width: 140, render: (_, row) => time(row.paidAt) },
    {
      key: 'transactionId',
      title: '微信支付单号',
      width: 140,
      render: (_, row) => <span className="vendor-code">{row.transactionId ?? '—'}</span>,
    },
    {
      key: 'refunds',
      title: '退款',
      width: 70,
      render: (_, row) => (row.refunds.length > 0 ? `${row.refunds.length} 笔` : '—'),
    },
  ];
}

/** A payment's refunds, oldest first: amount, status, who made it and why. */
export const refundColumns: ColumnsType<RefundRow> = [
  {
    key: 'outRefundNo',
    title: '退款单号',
    width: 300,
    render: (_, row) => <span className="vendor-code">{row.outRefundNo}</span>,
  },
  { key: 'amount', title: '金额', width: 96, align: 'right', render: (_, row) => money(row.amountFen) },
  {
    key: 'status',
    title: '状态',
    width: 90,
    render: (_, row) => <Tag color={REFUND_STATUS_COLORS[row.status]}>{row.statusLabel}</Tag>,
  },
  { key: 'initiator', title: '发起方', width: 190, render: (_, row) => row.initiatorLabel },
  { key: 'reason', title: '原因', ellipsis: true, render: (_, row) => row.reason },
  { key: 'createdAt', title: '申请时间', width: 140, render: (_, row) => time(row.createdAt) },
  { key: 'succeededAt', title: '到账时间', width: 140, render: (_, row) => time(row.succeededAt) },
];
