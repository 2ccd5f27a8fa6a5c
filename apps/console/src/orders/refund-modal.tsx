import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { formatFen } from '@miniapp-shared/format';
import { ApiError } from '../api/client';
import type { PaymentRow } from '../api/types';
import { fenToYuanText, parseRefundAmount, yuanRule } from '../shared/yuan';
import { newRequestId, refundOrder } from './refund-api';

interface Props {
  orderId: number;
  payment: PaymentRow | null;
  open: boolean;
  onClose(): void;
  /** After the server took the refund: the drawer reloads and shows it. */
  onRefunded(): void;
}

interface Values {
  amount: string;
  reason: string;
}

/**
 * The owner's refund of a paid order: what is left by default, a part if changed, never more
 * than is left or 0; a reason the user will read. One request id per opening of the dialog, so
 * a double click refunds once.
 */
export function RefundModal({ orderId, payment, open, onClose, onRefunded }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [requestId, setRequestId] = useState(newRequestId);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = payment?.refundableFen ?? 0;

  // The form itself is made afresh at each opening (destroyOnHidden), with what is left as the amount.
  useEffect(() => {
    if (!open) return;
    setRequestId(newRequestId());
    setError(null);
  }, [open]);

  const submit = async () => {
    const values = await form.validateFields();
    const parsed = parseRefundAmount(values.amount, left);
    if (parsed.error !== undefined) return;
    setSending(true);
    setError(null);
    try {
      const refund = await refundOrder(orderId, { amountFen: parsed.fen, reason: values.reason.trim(), requestId });
      void message.success(`已提交退款 ${formatFen(refund.amountFen)}`);
      onRefunded();
      onClose();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '退款失败，请稍后重试');
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      className="refund-modal"
      title="退款"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认退款"
      okButtonProps={{ danger: true, loading: sending, className: 'refund-confirm' }}
      destroyOnHidden
    >
      {payment ? (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="实付">{formatFen(payment.paidFen)}</Descriptions.Item>
          <Descriptions.Item label="已退">{formatFen(payment.refundedFen)}</Descriptions.Item>
          <Descriptions.Item label="可退">{formatFen(left)}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {error ? (
        <Alert className="refund-error" type="error" showIcon message={error} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ amount: fenToYuanText(left), reason: '' }}
      >
        <Form.Item
          name="amount"
          label="退款金额（元）"
          rules={[yuanRule((text) => parseRefundAmount(text, left))]}
          extra="默认退还全部可退金额，可改为部分退款"
        >
          <Input className="refund-amount" prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="退款原因"
          rules={[
            { required: true, whitespace: true, message: '请填写退款原因' },
            { min: 2, message: '退款原因至少 2 个字' },
            { max: 60, message: '退款原因最多 60 个字' },
          ]}
          extra="用户会在微信支付的退款通知和订单进度中看到"
        >
          <Input.TextArea className="refund-reason" rows={2} maxLength={60} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
