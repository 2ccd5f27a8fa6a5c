import { Step, Steps } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { TimelineEntryDto } from '../api/types';
import './merchant-timeline.scss';

/**
 * The order's steps as the server words them for the merchant, newest first: who acted, what
 * happened, the status reached and the vendor's status in words.
 */
export function MerchantTimeline({ entries }: { entries: TimelineEntryDto[] }) {
  if (entries.length === 0) return <View className="merchant-timeline merchant-timeline--empty">暂无记录</View>;
  const newestFirst = [...entries].reverse();
  const count = newestFirst.length;
  return (
    <View className="merchant-timeline">
      {/* Step numbers run down from `count`, so the newest (top) step is the current one. */}
      <Steps direction="vertical" type="dot" status="dynamic" value={count}>
        {newestFirst.map((entry, index) => (
          <Step
            key={entry.id}
            className="timeline-entry"
            value={count - index}
            title={
              <View className="timeline-entry__title">
                <Text className="timeline-entry__actor">{entry.actor}</Text>
                {entry.status ? <Text className="timeline-entry__status">{entry.status}</Text> : null}
              </View>
            }
            description={
              <View className="timeline-entry__body">
                <View className="timeline-entry__text">{entry.text}</View>
                {entry.vendorStatus ? (
                  <View className="timeline-entry__vendor">服务商状态：{entry.vendorStatus}</View>
                ) : null}
                <View className="timeline-entry__time">{entry.at}</View>
              </View>
            }
          />
        ))}
      </Steps>
    </View>
  );
}
