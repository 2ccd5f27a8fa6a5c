import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { OrderView } from '../api/types';
import { CLOSE_REASON_RULES, CLOSE_WARNING, VENDOR_ORDER_ID_RULES } from './unknown-id';

interface Props {
  order: OrderView['order'];
  /** Runs a request and reports it (the drawer's message and reload); answers whether it succeeded. */
  run(work: () => Promise<string>): Promise<boolean>;
}

/** 待核实 inspection order: enter the vendor's order id found with Docloud's support, or close the order. */
export function UnknownIdActions({ order, run }: Props) {
  const [open, setOpen] = useState<'adopt' | 'close' | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    const ok = await run(async () => {
      await api(`/api/merchant/orders/${order.id}/inspection/${path}`, { method: 'POST', body });
      return done;
    });
    setBusy(false);
    if (ok) setOpen(null);
  };
  return (
    <>
      <Space>
        <Button className="adopt-vendor-order" type="primary" onClick={() => setOpen('adopt')}>
          填写供应商单号
        </Button>
        <Button className="close-unknown-order" danger onClick={() => setOpen('close')}>
          关闭订单
        </Button>
      </Space>
      <Modal
        title="填写供应商单号"
        open={open === 'adopt'}
        onCancel={() => setOpen(null)}
        footer={null}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          message="请填写懂云客服核实的年检订单号。提交时会向服务商核对（须是该用户、该车辆的订单），核对通过后订单按服务商的进度继续办理。"
          style={{ marginBottom: 16 }}
        />
        <Form
          layout="vertical"
          onFinish={(values: { vendorOrderId: string }) =>
            submit('vendor-order', { vendorOrderId: values.vendorOrderId.trim() }, '已关联供应商单号，订单继续办理')
          }
        >
          <Form.Item name="vendorOrderId" label="供应商单号" rules={VENDOR_ORDER_ID_RULES}>
            <Input autoComplete="off" inputMode="numeric" placeholder="例如 1234567" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            核对并关联
          </Button>
        </Form>
      </Modal>
      <Modal title="关闭订单" open={open === 'close'} onCancel={() => setOpen(null)} footer={null} destroyOnHidden>
        <Alert type="warning" showIcon message={CLOSE_WARNING} style={{ marginBottom: 16 }} />
        <Form
          layout="vertical"
          onFinish={(values: { reason: string }) => submit('close', { reason: values.reason.trim() }, '订单已关闭')}
        >
          <Form.Item name="reason" label="关闭原因（用户可见）" rules={CLOSE_REASON_RULES}>
            <Input.TextArea rows={3} maxLength={60} showCount placeholder="例如：服务商确认未办理" />
          </Form.Item>
          <Button danger type="primary" htmlType="submit" block loading={busy}>
            确认关闭
          </Button>
        </Form>
      </Modal>
    </>
  );
}
