import { Input, Switch } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import type { PrintAddress } from '../api/types';
import { ADDRESS_FIELDS } from '../param-rules';
import './param-form.scss';

interface PrintFormProps {
  enabled: boolean;
  onToggle?: (enabled: boolean) => void;
  priceFen: number;
  address: Partial<PrintAddress>;
  errors: Record<string, string>;
  onChange: (name: keyof PrintAddress, value: string) => void;
  /** On a resubmission the choice cannot change; the address can be corrected. */
  locked?: boolean;
}

/** 打印邮寄: the printed photos mailed to an address, for a fixed extra price. */
export function PrintForm({ enabled, onToggle, priceFen, address, errors, onChange, locked }: PrintFormProps) {
  return (
    <View className="id-photo-form-group">
      <View className="id-photo-field">
        <View className="id-photo-field__row">
          <View className="id-photo-print__title">
            <Text className="id-photo-field__label">打印并邮寄</Text>
            <Text className="id-photo-print__hint">
              冲印相纸照片寄到家，{priceFen > 0 ? `+${formatFen(priceFen)}` : '免费'}
            </Text>
          </View>
          <Switch
            className="id-photo-print-switch"
            checked={enabled}
            disabled={locked}
            onChange={(value) => onToggle?.(value)}
          />
        </View>
      </View>
      {enabled
        ? ADDRESS_FIELDS.map((field) => (
            <View key={field.name} className={`id-photo-field id-photo-field--print-${field.name}`}>
              <View className="id-photo-field__row">
                <Text className="id-photo-field__label">{field.label}</Text>
                <Input
                  className={`id-photo-field__input id-photo-print-${field.name}`}
                  type={field.name === 'phone' ? 'tel' : 'text'}
                  maxLength={field.name === 'address' ? 50 : field.name === 'phone' ? 11 : 20}
                  placeholder={locked ? `${field.placeholder}（不修改请留空）` : field.placeholder}
                  value={address[field.name] ?? ''}
                  onChange={(value) => onChange(field.name, value)}
                />
              </View>
              {errors[`print.${field.name}`] ? (
                <View className="id-photo-field__error">{errors[`print.${field.name}`]}</View>
              ) : null}
            </View>
          ))
        : null}
    </View>
  );
}
