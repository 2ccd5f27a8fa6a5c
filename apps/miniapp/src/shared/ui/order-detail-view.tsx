import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { OrderEventDto, OrderSummaryDto, UserOrderEventDto } from '../api/types';
import { formatDateTime, formatFen } from '../format';
import { kindLabel } from '../labels';
import { OrderTimeline } from './order-timeline';
import { StatusTag } from './status-tag';
import './order-detail-view.scss';

export interface DetailField {
  label: string;
  value: string;
}

interface OrderDetailViewProps {
  order: OrderSummaryDto;
  /** The user's steps, or the merchant's (which carry the vendor's codes). */
  events: UserOrderEventDto[] | OrderEventDto[];
  /** Lines only some readers get, e.g. the user id and the vendor reference for the merchant. */
  extraFields?: DetailField[];
}

/** An order's fields and its timeline, shared by the user's and the merchant's detail pages. */
export function OrderDetailView({ order, events, extraFields = [] }: OrderDetailViewProps) {
  const fields: DetailField[] = [
    { label: '订单号', value: order.orderNo },
    { label: '业务类型', value: kindLabel(order.kind) },
    { label: '金额', value: formatFen(order.amountFen) },
    { label: '下单时间', value: formatDateTime(order.createdAt) },
    { label: '更新时间', value: formatDateTime(order.updatedAt) },
    ...extraFields,
  ];
  return (
    <View className="order-detail">
      <View className="order-detail__header">
        <View className="order-detail__title">{order.title}</View>
        <StatusTag status={order.status} />
      </View>
      <CellGroup className="order-detail__fields">
        {fields.map((field) => (
          <Cell
            key={field.label}
            className="order-field"
            title={field.label}
            extra={<View className="order-field__value">{field.value}</View>}
          />
        ))}
      </CellGroup>
      <CellGroup className="order-detail__events" title="办理进度">
        <OrderTimeline events={events} />
      </CellGroup>
    </View>
  );
}
