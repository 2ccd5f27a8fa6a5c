import { Card, Select, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '@miniapp-shared/format';
import { api } from '../api/client';
import type { AuditLogEntry, AuditLogPage } from '../api/types';
import { useCursorPages } from '../shared/cursor-table';
import { AUDIT_ACTIONS, auditActionLabel } from '../shared/labels';
import { Pager } from '../shared/pager';
import { auditDetailText } from '@miniapp-features/merchant/audit-details';

/** Who did what, newest first (owner only). The details in words (masked by the server), as on the phone. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? undefined;
  const list = useCursorPages(`audit:${action}`, (cursor) =>
    api<AuditLogPage>('/api/merchant/audit-log', { query: { action, cursor, limit: 50 } }),
  );
  return (
    <Card
      size="small"
      className="audit-page"
      title="操作日志"
      extra={
        <Select
          allowClear
          placeholder="全部操作"
          style={{ width: 160 }}
          value={action}
          options={AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(value) }))}
          onChange={(value?: string) => setParams(value ? { action: value } : {})}
        />
      }
    >
      <Table<AuditLogEntry>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.page.loading}
        dataSource={list.page.data?.items ?? []}
        columns={[
          { title: '时间', width: 140, render: (_, row) => formatDateTime(row.createdAt) },
          { title: '账号', width: 120, render: (_, row) => row.merchantUsername },
          { title: '操作', width: 130, render: (_, row) => auditActionLabel(row.action) },
          { title: '对象', width: 180, render: (_, row) => row.target || '—' },
          { title: 'IP', width: 130, render: (_, row) => row.ip },
          {
            title: '详情',
            render: (_, row) => (
              <Typography.Text type="secondary" ellipsis={{ tooltip: true }}>
                {row.details ? auditDetailText(row.details) : '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Pager pageNumber={list.pageNumber} prev={list.prev} next={list.next} />
    </Card>
  );
}
