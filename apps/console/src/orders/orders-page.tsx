import { Alert, Button, Card, Dropdown, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { OrderRow } from '../api/types';
import { useLoad } from '../shared/use-load';
import { notifyError } from '../shared/notify';
import { ColumnChooser, useVisibleColumns } from './column-chooser';
import { FilterBar } from './filter-bar';
import { filtersToParams, parseFilters, type OrderFilters } from './filters';
import { PageSizeSelect } from '../shared/pager';
import { OrderDrawer } from './order-drawer';
import { orderColumns } from './order-columns';
import { countOrders, exportOrders, listOrders } from './orders-api';

/**
 * Every order of every service in one dense table. Filters, sort and page size live in the URL;
 * pages follow the server's keyset cursors (a stack of them, so 上一页 returns exactly).
 */
export default function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const filterKey = filtersToParams(filters).toString();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [selected, setSelected] = useState<number[]>([]);
  const [exporting, setExporting] = useState(false);
  const [visible, setVisible] = useVisibleColumns();
  const openId = Number(params.get('order')) || null;

  useEffect(() => setCursors([null]), [filterKey]);
  const cursor = cursors[cursors.length - 1];
  const page = useLoad(`${filterKey}|${cursor}`, () => listOrders(filters, cursor));
  const counts = useLoad(filterKey, () => countOrders(filters));

  const apply = (next: OrderFilters) => {
    setSelected([]);
    setParams(filtersToParams(next));
  };
  const setOpen = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('order', String(id));
    else next.delete('order');
    setParams(next);
  };
  const download = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      await exportOrders(filters, format, selected);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns = orderColumns({ visible, sort: filters.sort, onOpen: (row) => setOpen(row.id) });
  const pageNumber = cursors.length;
  return (
    <div className="orders-page">
      <Card size="small" className="filter-card">
        <FilterBar filters={filters} onApply={apply} />
      </Card>
      <Card size="small" className="table-card">
        <div className="table-toolbar">
          <Space size="middle">
            <Typography.Text className="order-total">
              共 <b>{counts.data?.total ?? '…'}</b> 单
            </Typography.Text>
            {selected.length > 0 ? <Typography.Text type="secondary">已选 {selected.length} 单</Typography.Text> : null}
          </Space>
          <Space>
            <Dropdown
              menu={{
                items: [
                  { key: 'csv', label: 'CSV（Excel 可直接打开）' },
                  { key: 'xlsx', label: 'XLSX' },
                ],
                onClick: ({ key }) => void download(key as 'csv' | 'xlsx'),
              }}
            >
              <Button className="export-button" loading={exporting}>
                {selected.length > 0 ? `导出所选（${selected.length}）` : '导出筛选结果'}
              </Button>
            </Dropdown>
            <ColumnChooser visible={visible} onChange={setVisible} />
          </Space>
        </div>
        {page.error ? <Alert type="error" showIcon message={page.error.message} style={{ marginBottom: 8 }} /> : null}
        <Table<OrderRow>
          className="order-table"
          size="small"
          rowKey="id"
          loading={page.loading}
          columns={columns}
          dataSource={page.data?.items ?? []}
          pagination={false}
          // The default columns fit 1440 px; narrower screens scroll the table, not the page.
          scroll={{ x: 1180 }}
          sticky
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys as number[]),
          }}
          onRow={(row) => ({ onDoubleClick: () => setOpen(row.id) })}
          onChange={(_pagination, _filters, sorter) => {
            const order = Array.isArray(sorter) ? sorter[0]?.order : sorter.order;
            apply({ ...filters, sort: order === 'ascend' ? 'asc' : 'desc' });
          }}
        />
        <div className="pager">
          <Typography.Text type="secondary">第 {pageNumber} 页</Typography.Text>
          <Button className="pager-prev" disabled={pageNumber === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            上一页
          </Button>
          <Button
            className="pager-next"
            disabled={!page.data?.nextCursor}
            onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
          >
            下一页
          </Button>
          <PageSizeSelect value={filters.size} onChange={(size) => apply({ ...filters, size })} />
        </div>
      </Card>
      <OrderDrawer orderId={openId} onClose={() => setOpen(null)} onChanged={page.reload} />
    </div>
  );
}
