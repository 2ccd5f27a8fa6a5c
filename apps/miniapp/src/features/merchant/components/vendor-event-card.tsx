import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { VendorEventViewDto } from '../api/types';
import './vendor-event-card.scss';

const TONE_COLORS: Record<VendorEventViewDto['tone'], string> = {
  success: '#07c160',
  warning: '#ff8f1f',
  danger: '#fa5151',
  normal: '#9a9a9a',
};

interface VendorEventCardProps {
  event: VendorEventViewDto;
  /** Offered for a failed callback, to the owner only (the server refuses staff). */
  onReplay?: (callbackId: number) => void;
  replaying?: boolean;
}

/** One vendor event (a callback or an answer to our query) as the server words it, payload behind a fold. */
export function VendorEventCard({ event, onReplay, replaying = false }: VendorEventCardProps) {
  const [open, setOpen] = useState(false);
  const callbackId = event.callbackId;
  return (
    <View className={`vendor-event vendor-event--${event.tone}`}>
      <View className="vendor-event__head">
        <Text className="vendor-event__title">{event.title}</Text>
        <Tag plain round background={TONE_COLORS[event.tone]}>
          {event.source}
        </Tag>
      </View>
      <View className="vendor-event__facts">
        <Text className="vendor-event__fact">{event.verification}</Text>
        <Text className="vendor-event__fact">{event.result}</Text>
        {event.fields.map((field, index) => (
          <Text key={`${field.label}-${index}`} className="vendor-event__fact">
            {field.label}：{field.value}
          </Text>
        ))}
      </View>
      <View className="vendor-event__meta">
        <Text>{event.at}</Text>
        <Text className="vendor-event__toggle" onClick={() => setOpen(!open)}>
          {open ? '收起报文' : '查看报文（已脱敏）'}
        </Text>
      </View>
      {event.replayable && callbackId !== null && onReplay ? (
        <View className="vendor-event__actions">
          <Button
            className="vendor-event__replay"
            size="small"
            type="primary"
            loading={replaying}
            disabled={replaying}
            onClick={() => onReplay(callbackId)}
          >
            重放
          </Button>
        </View>
      ) : null}
      {open ? <View className="vendor-event__payload">{event.payload}</View> : null}
    </View>
  );
}
