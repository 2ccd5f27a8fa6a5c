import { Tag } from '@nutui/nutui-react-taro';
import { statusColor, statusLabel } from '../labels';
import type { OrderStatus } from '../api/types';

export function StatusTag({ status }: { status: OrderStatus }) {
  return (
    <Tag className={`status-tag status-tag--${status}`} plain round background={statusColor(status)}>
      {statusLabel(status)}
    </Tag>
  );
}
