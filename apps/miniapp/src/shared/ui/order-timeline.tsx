import { Step, Steps } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { OrderEventDto, UserOrderEventDto } from '../api/types';
import { formatDateTime } from '../format';
import { actorLabel, statusLabel } from '../labels';
import './order-timeline.scss';

type TimelineEvent = UserOrderEventDto & Partial<Pick<OrderEventDto, 'vendorStatus'>>;

function transition({ fromStatus, toStatus }: TimelineEvent): string | null {
  if (fromStatus && toStatus && fromStatus !== toStatus) {
    return `${statusLabel(fromStatus)} → ${statusLabel(toStatus)}`;
  }
  if (toStatus) return statusLabel(toStatus);
  return null;
}

/**
 * The order's events, newest first, as a vertical timeline: who acted (user / merchant / system / vendor),
 * the status change, the message and the time. A repeated vendor callback shows here without a status change.
 * The vendor's own code is shown only on the merchant's steps: the server never sends it to a user.
 */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const newestFirst = [...events].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
  if (newestFirst.length === 0) {
    return <View className="order-timeline order-timeline--empty">暂无记录</View>;
  }
  const count = newestFirst.length;
  return (
    <View className="order-timeline">
      {/* Step numbers run down from `count`, so the newest (top) one is the current step and the rest are done. */}
      <Steps direction="vertical" type="dot" status="dynamic" value={count}>
        {newestFirst.map((event, index) => {
          const change = transition(event);
          return (
            <Step
              key={event.id}
              className="order-event"
              value={count - index}
              title={
                <View className="order-event__title">
                  <Text className="order-event__actor">{actorLabel(event.actor)}</Text>
                  {change ? <Text className="order-event__change">{change}</Text> : null}
                </View>
              }
              description={
                <View className="order-event__body">
                  {event.message ? <View className="order-event__message">{event.message}</View> : null}
                  {event.vendorStatus ? (
                    <View className="order-event__vendor">服务商状态：{event.vendorStatus}</View>
                  ) : null}
                  <View className="order-event__time">{formatDateTime(event.createdAt)}</View>
                </View>
              }
            />
          );
        })}
      </Steps>
    </View>
  );
}
