import { Alert, Card, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatFen } from '@miniapp-shared/format';
import type { PaymentRow, RefundRow } from '../api/types';
import { OrderDrawer } from '../orders/order-drawer';

import { useCursorPages } from '../shared/cursor-table';
import { PageSizeSelect, Pager } from '../shared/pager';
import { listPayments } from './money-api';
import { paymentColumns, refundColumns } from './payment-columns';
import { PaymentFilterBar } from './payment-filter-bar';
import { parsePaymentFilters, paymentFiltersToParams, type PaymentFilters } from './payment-filters';

/**
 * 支付与退款: every priced order's payment, newest first, on the server's keyset cursors; the
 * refunds of a row open below it, and the order number opens the order (where the owner refunds).
 */
export default function PaymentsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parsePaymentFilters(params), [params]);
  const filterKey = paymentFiltersToParams(filters).toString();
  const list = useCursorPages(`payments:${filterKey}`, (cursor) => listPayments(filters, cursor));
  const openId = Number(params.get('order')) || null;
  const data = list.page.data;

  const apply = (next: PaymentFilters) => setParams(paymentFiltersToParams(next));
  const setOpen = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('order', String(id));
    else next.delete('order');
    setParams(next);
  };

  return (
    <div className="payments-page">
      <Card size="small" className="filter-card">
        <PaymentFilterBar filters={filters} onApply={apply} />
      </Card>
      <Card size="small" className="table-card">
        <div className="table-toolbar">
          <Space size="large" className="payment-totals">
            <Typography.Text className="payment-total">
              共 <b>{data?.total ?? '…'}</b> 笔
            </Typography.Text>
            <Typography.Text type="secondary">实收 {data ? formatFen(data.paidFen) : '…'}</Typography.Text>
            <Typography.Text type="secondary">已退 {data ? formatFen(data.refundedFen) : '…'}</Typography.Text>
          </Space>
        </div>
        {list.page.error ? (
          <Alert type="error" showIcon message={list.page.error.message} style={{ marginBottom: 8 }} />
        ) : null}
        <Table<PaymentRow>
          className="payment-table"
          size="small"
          rowKey="id"
          loading={list.page.loading}
          columns={paymentColumns((row) => setOpen(row.orderId))}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 1180 }}
          sticky
          expandable={{
            rowExpandable: (row) => row.refunds.length > 0,
            expandedRowRender: (row) => (
              <Table<RefundRow>
                className="refund-table"
                size="small"
                rowKey="outRefundNo"
                pagination={false}
                columns={refundColumns}
                dataSource={row.refunds}
              />
            ),
          }}
          onRow={(row) => ({ onDoubleClick: () => setOpen(row.orderId) })}
        />
        <div className="payment-pager">
          <Pager pageNumber={list.pageNumber} prev={list.prev} next={list.next} />
          <PageSizeSelect value={filters.size} onChange={(size) => apply({ ...filters, size })} />
        </div>
      </Card>
      <OrderDrawer orderId={openId} onClose={() => setOpen(null)} onChanged={list.page.reload} />
    </div>
  );
}
