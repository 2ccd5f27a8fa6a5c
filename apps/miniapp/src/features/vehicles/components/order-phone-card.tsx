import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import './order-phone-card.scss';

/** A mainland mobile number, as the server and the vendor accept it. */
export function isMobilePhone(text: string): boolean {
  return /^1[3-9]\d{9}$/.test(text);
}

export interface OrderPhoneCardProps {
  value: string;
  error: string | null;
  onChange: (text: string) => void;
  /** Why the phone is asked for here. */
  tip?: string;
}

const ORDER_TIP = '服务商凭手机号和车牌受理代缴，办理进度也会发送到该手机号；一个手机号最多用于 3 辆车，加密保存。';

/**
 * The owner's phone, asked only where the violation service needs one and none is saved: an order of
 * a car queried without one, or a price query from a ticket (it is saved, encrypted, for next time).
 */
export function OrderPhoneCard({ value, error, onChange, tip = ORDER_TIP }: OrderPhoneCardProps) {
  return (
    <View className={`order-phone-card ${error ? 'order-phone-card--error' : ''}`}>
      <View className="order-phone-card__title">车主手机号</View>
      <Input
        className="order-phone-input"
        type="number"
        value={value}
        placeholder="请输入 11 位手机号"
        maxLength={11}
        clearable
        onChange={onChange}
      />
      {error ? <Text className="order-phone-card__error">{error}</Text> : null}
      <View className="order-phone-card__tip">{tip}</View>
    </View>
  );
}
