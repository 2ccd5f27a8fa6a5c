import { App, Button, Form, Input, Modal, Radio, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@miniapp-shared/format';
import { api, ApiError } from '../api/client';
import type { PendingCall, PendingCallPage } from '../api/types';
import { session } from '../api/session';
import { useCursorPages } from '../shared/cursor-table';
import { vendorLabel } from '../shared/labels';
import { Pager } from '../shared/pager';

const OPERATION_LABELS: Record<string, string> = {
  submit: '提交回执订单',
  resubmit: '重新提交回执',
  certify: '实名认证',
  'violation-order': '违章代缴下单',
  'inspection-order': '年检下单',
  prepay: '微信支付下单',
  refund: '微信支付退款',
};

/** The person's answer to one call: which outcome the vendor's console shows, and where it was seen. */
function SettleDialog({ call, onClose }: { call: PendingCall | null; onClose(changed: boolean): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ choice: string; note: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!call) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      await api(`/api/merchant/outgoing-calls/${call.id}/settle`, { method: 'POST', body: values });
      void message.success('已记录处理结果');
      form.resetFields();
      onClose(true);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={call !== null}
      title="核实调用结果"
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      {call && (
        <>
          <Typography.Paragraph type="secondary">{call.advice}</Typography.Paragraph>
          <Typography.Paragraph>
            幂等键：<Typography.Text copyable>{call.idempotencyKey}</Typography.Text>
          </Typography.Paragraph>
          <Form form={form} layout="vertical">
            <Form.Item name="choice" label="服务商后台显示" rules={[{ required: true, message: '请选择处理结果' }]}>
              <Radio.Group options={call.choices.map((choice) => ({ value: choice.value, label: choice.label }))} />
            </Form.Item>
            <Form.Item
              name="note"
              label="处理说明"
              rules={[{ required: true, whitespace: true, message: '请填写处理说明（在服务商后台查到了什么）' }]}
            >
              <Input.TextArea
                maxLength={255}
                rows={3}
                placeholder="例如：支付宝开放平台查到该 transaction_id，认证未通过"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

/** Vendor calls whose answer was lost and that neither the vendor's query nor its callback settled. */
export function UnknownCallsTable({ onChanged }: { onChanged(): void }) {
  const [open, setOpen] = useState<PendingCall | null>(null);
  const canSettle = session.merchant()?.role === 'owner';
  const list = useCursorPages('calls', (cursor) =>
    api<PendingCallPage>('/api/merchant/attention/outgoing-calls', { query: { cursor, limit: 20 } }),
  );
  return (
    <>
      <Table<PendingCall>
        className="unknown-calls-table"
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.page.loading}
        dataSource={list.page.data?.items ?? []}
        locale={{ emptyText: '没有需要人工核实的服务商调用' }}
        expandable={{ expandedRowRender: (row) => <Typography.Text>{row.advice}</Typography.Text> }}
        columns={[
          { title: '发出时间', width: 140, render: (_, row) => formatDateTime(row.createdAt) },
          { title: '服务商', width: 110, render: (_, row) => vendorLabel(row.vendor) },
          { title: '调用', width: 120, render: (_, row) => OPERATION_LABELS[row.operation] ?? row.operation },
          { title: '单号', width: 200, render: (_, row) => row.subjectId },
          { title: '错误', ellipsis: true, render: (_, row) => row.errorClass ?? '—' },
          { title: '发送次数', width: 80, render: (_, row) => row.attempts },
          {
            title: '操作',
            width: 90,
            render: (_, row) =>
              canSettle ? (
                <Button size="small" type="primary" className="settle-call-button" onClick={() => setOpen(row)}>
                  核实
                </Button>
              ) : (
                <Tooltip title="仅管理员可以核实调用结果">
                  <Button size="small" disabled>
                    核实
                  </Button>
                </Tooltip>
              ),
          },
        ]}
      />
      <Pager pageNumber={list.pageNumber} prev={list.prev} next={list.next} />
      <SettleDialog
        call={open}
        onClose={(changed) => {
          setOpen(null);
          if (changed) {
            list.page.reload();
            onChanged();
          }
        }}
      />
    </>
  );
}
