import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { CityRule } from '../api/types';

interface CarPhoneCardProps {
  rule: CityRule;
  value: string;
  /** The phone already saved, masked: the field is then optional. */
  savedPhone: string | null;
  needed: boolean;
  error?: string;
  onChange: (value: string) => void;
}

/** The owner's phone, where the city's traffic data asks for it (optional elsewhere). */
export function CarPhoneCard({ rule, value, savedPhone, needed, error, onChange }: CarPhoneCardProps) {
  return (
    <View className="car-form__card">
      <View className={`car-form__row car-phone-field ${error ? 'car-form__row--error' : ''}`}>
        <Text className="car-form__field-label">车主手机号</Text>
        <Input
          className="car-phone-input"
          type="number"
          value={value}
          placeholder={savedPhone ? `已保存 ${savedPhone}，可不填` : needed ? '该城市查询必填' : '选填'}
          maxLength={11}
          clearable
          onChange={onChange}
        />
      </View>
      {error ? <View className="car-form__error car-phone-error">{error}</View> : null}
      <View className="car-form__tip">
        {rule.needsPhone
          ? `${rule.province}交管数据查询需要车主手机号，一个手机号最多用于 3 辆车。`
          : '部分城市查询违章需要手机号，填写后可查询更多城市。'}
      </View>
    </View>
  );
}
