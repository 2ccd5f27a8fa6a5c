import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { OrderSummaryDto } from '../api/types';
import { formatDateTime, formatFen } from '../format';
import { kindLabel } from '../labels';
import { StatusTag } from './status-tag';
import './order-card.scss';

interface OrderCardProps {
  order: OrderSummaryDto;
  /** Extra lines under the time, e.g. the user id in the merchant list. */
  extra?: ReactNode;
  onClick?: () => void;
  /** Instead of the status's own word on the tag. */
  statusText?: string;
}

/** One order in a list (user's and merchant's): kind, status, title, number, amount and time. */
export function OrderCard({ order, extra, onClick, statusText }: OrderCardProps) {
  return (
    <View className="order-row" onClick={onClick} hoverClass="order-row--pressed">
      <View className="order-row__head">
        <Text className="order-row__kind">{kindLabel(order.kind)}</Text>
        <StatusTag status={order.status} label={statusText} />
      </View>
      <View className="order-row__body">
        <Text className="order-row__title">{order.title}</Text>
        <Text className="order-row__amount">{formatFen(order.amountFen)}</Text>
      </View>
      <View className="order-row__meta">
        <Text className="order-row__no">订单号 {order.orderNo}</Text>
        <Text className="order-row__time">{formatDateTime(order.createdAt)}</Text>
      </View>
      {extra ? <View className="order-row__extra">{extra}</View> : null}
    </View>
  );
}
