import { Tag } from '@nutui/nutui-react-taro';
import { statusColor, statusLabel } from '../labels';
import type { OrderStatus } from '../api/types';

/** `label` replaces the status's word where the list knows more, e.g. 待支付 for an unpaid order. */
export function StatusTag({ status, label }: { status: OrderStatus; label?: string }) {
  return (
    <Tag className={`status-tag status-tag--${status}`} plain round background={statusColor(status)}>
      {label ?? statusLabel(status)}
    </Tag>
  );
}
