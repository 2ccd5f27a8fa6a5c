import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime, formatFen } from '@miniapp-shared/format';
import { kindLabel, statusColor, statusLabel } from '@miniapp-shared/labels';
import type { OrderRow } from '../api/types';
import type { SortOrder } from './filters';

/** Every column of the order table, in order, with the name the column chooser shows. */
export const ORDER_COLUMNS = [
  { key: 'kind', title: '业务' },
  { key: 'orderNo', title: '订单号' },
  { key: 'user', title: '用户' },
  { key: 'title', title: '标题' },
  { key: 'amountFen', title: '金额' },
  { key: 'status', title: '状态' },
  { key: 'vendorStatus', title: '服务商状态' },
  { key: 'vendorRef', title: '服务商单号' },
  { key: 'createdAt', title: '下单时间' },
  { key: 'updatedAt', title: '更新时间' },
] as const;

export type OrderColumnKey = (typeof ORDER_COLUMNS)[number]['key'];

/** Shown by default; the vendor's reference is one click away in the column chooser. */
export const DEFAULT_VISIBLE: OrderColumnKey[] = ORDER_COLUMNS.map((c) => c.key).filter((key) => key !== 'vendorRef');

/** `昵称 · 尾号 5678`: who placed the order, masked (the list never carries a full phone). */
export function userCell(row: Pick<OrderRow, 'userId' | 'userNickname' | 'userPhoneLast4'>): string {
  const name = row.userNickname ?? `用户 ${row.userId}`;
  return row.userPhoneLast4 ? `${name} · 尾号 ${row.userPhoneLast4}` : name;
}

interface ColumnOptions {
  visible: readonly OrderColumnKey[];
  sort: SortOrder;
  onOpen(row: OrderRow): void;
}

/**
 * The table's columns. Only the creation time sorts: the server pages by `(created_at, id)` keyset
 * and sorts by nothing else, so the table never pretends to sort a page it did not fetch.
 */
export function orderColumns({ visible, sort, onOpen }: ColumnOptions): ColumnsType<OrderRow> {
  const all: Record<OrderColumnKey, ColumnsType<OrderRow>[number]> = {
    kind: { key: 'kind', title: '业务', width: 96, render: (_, row) => kindLabel(row.kind) },
    orderNo: {
      key: 'orderNo',
      title: '订单号',
      width: 170,
      render: (_, row) => (
        <Typography.Link className="order-no" onClick={() => onOpen(row)}>
          {row.orderNo}
        </Typography.Link>
      ),
    },
    user: { key: 'user', title: '用户', width: 130, ellipsis: true, render: (_, row) => userCell(row) },
    title: { key: 'title', title: '标题', width: 180, ellipsis: true, render: (_, row) => row.title },
    amountFen: {
      key: 'amountFen',
      title: '金额',
      width: 96,
      align: 'right',
      render: (_, row) => formatFen(row.amountFen),
    },
    status: {
      key: 'status',
      title: '状态',
      width: 84,
      render: (_, row) => (
        <Tag color={statusColor(row.status)} className="status-tag">
          {statusLabel(row.status)}
        </Tag>
      ),
    },
    vendorStatus: {
      key: 'vendorStatus',
      title: '服务商状态',
      width: 120,
      ellipsis: true,
      // The vendor's words, its code beside them (the merchant may quote it to the vendor).
      render: (_, row) =>
        row.vendorStatus === null ? (
          '—'
        ) : (
          <span title={`服务商状态码 ${row.vendorStatus}`}>
            {row.vendorStatusLabel ?? row.vendorStatus}
            {row.vendorStatusLabel && row.vendorStatusLabel !== row.vendorStatus ? (
              <span className="vendor-code"> {row.vendorStatus}</span>
            ) : null}
          </span>
        ),
    },
    vendorRef: {
      key: 'vendorRef',
      title: '服务商单号',
      width: 180,
      ellipsis: true,
      render: (_, row) => row.vendorRef ?? '—',
    },
    createdAt: {
      key: 'createdAt',
      title: '下单时间',
      width: 140,
      sorter: true,
      sortOrder: sort === 'asc' ? 'ascend' : 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (_, row) => formatDateTime(row.createdAt),
    },
    updatedAt: { key: 'updatedAt', title: '更新时间', width: 140, render: (_, row) => formatDateTime(row.updatedAt) },
  };
  return ORDER_COLUMNS.filter((column) => visible.includes(column.key)).map((column) => all[column.key]);
}
