import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/format';
import type { VendorCallbackDto } from '../api/types';
import { CALLBACK_STATUS_LABELS, outcomeLabel, vendorLabel } from '../labels';
import './callback-card.scss';

const STATUS_COLORS: Record<string, string> = { applied: '#07c160', rejected: '#fa5151', failed: '#ff8f1f' };

interface CallbackCardProps {
  callback: VendorCallbackDto;
  /** Shown for a callback that failed while applying; absent where replay is not offered. */
  onReplay?: (callback: VendorCallbackDto) => void;
  replaying?: boolean;
  /** A link to the order the callback changed. */
  onOpenOrder?: (orderId: number) => void;
}

/** One vendor callback: verified or not, what applying it did, how often it came, and the masked request. */
export function CallbackCard({ callback, onReplay, replaying = false, onOpenOrder }: CallbackCardProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className={`callback-card callback-card--${callback.status}`}>
      <View className="callback-card__head">
        <Text className="callback-card__vendor">
          {vendorLabel(callback.vendor)} · {callback.topic}
        </Text>
        <Tag plain round background={STATUS_COLORS[callback.status] ?? '#9a9a9a'}>
          {CALLBACK_STATUS_LABELS[callback.status] ?? callback.status}
        </Tag>
      </View>
      <View className="callback-card__facts">
        <Text className="callback-card__fact">验签：{callback.verified ? '通过' : '未通过'}</Text>
        <Text className="callback-card__fact">结果：{outcomeLabel(callback.outcome)}</Text>
        <Text className="callback-card__fact">重复推送：{callback.repeatCount} 次</Text>
        <Text className="callback-card__fact">处理次数：{callback.attempts}</Text>
      </View>
      {callback.reason ? <View className="callback-card__reason">原因：{callback.reason}</View> : null}
      <View className="callback-card__meta">
        <Text>收到于 {formatDateTime(callback.receivedAt)}</Text>
        {callback.orderId !== null && onOpenOrder ? (
          <Text className="callback-card__order" onClick={() => onOpenOrder(callback.orderId as number)}>
            查看订单 ›
          </Text>
        ) : null}
      </View>
      <View className="callback-card__actions">
        <Text className="callback-card__toggle" onClick={() => setOpen(!open)}>
          {open ? '收起报文' : '查看报文（已脱敏）'}
        </Text>
        {callback.replayable && onReplay ? (
          <Button
            className="callback-card__replay"
            size="small"
            type="primary"
            loading={replaying}
            disabled={replaying}
            onClick={() => onReplay(callback)}
          >
            重放
          </Button>
        ) : null}
      </View>
      {open ? <View className="callback-card__payload">{JSON.stringify(callback.payload, null, 2)}</View> : null}
    </View>
  );
}
