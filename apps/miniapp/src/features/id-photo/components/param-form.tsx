import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { SpecDto, SpecParam } from '../api/types';
import { formFields, isRequired } from '../param-rules';
import './param-form.scss';

const PLACEHOLDERS: Record<SpecParam['kind'], string> = {
  text: '与证件上一致',
  idcard: '18位身份证号',
  phone: '11位手机号，用于接收办理通知',
  city: '如：深圳',
  image: '',
};

interface ParamFormProps {
  spec: Pick<SpecDto, 'params' | 'oneOf'>;
  values: Record<string, string>;
  /** Keyed like the server's answer: `param.<name>`. */
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
  /** On a resubmission: the masked previous values, kept when a field is left empty. */
  previous?: Record<string, string>;
}

/** The spec's params as a form, with each problem under its field. */
export function ParamForm({ spec, values, errors, onChange, previous }: ParamFormProps) {
  return (
    <View className="id-photo-form-group">
      {formFields(spec).map((field) => {
        const error = errors[`param.${field.name}`];
        const kept = previous?.[field.name];
        return (
          <View key={field.name} className={`id-photo-field id-photo-field--${field.name}`}>
            <View className="id-photo-field__row">
              <Text className="id-photo-field__label">
                {field.label}
                {isRequired(spec, field) && !previous ? <Text className="id-photo-field__required">*</Text> : null}
              </Text>
              <Input
                className={`id-photo-field__input id-photo-input-${field.name}`}
                type={field.kind === 'phone' ? 'tel' : field.kind === 'idcard' ? 'idcard' : 'text'}
                maxLength={field.kind === 'idcard' ? 18 : field.kind === 'phone' ? 11 : 20}
                placeholder={kept ? `不修改请留空（${kept}）` : PLACEHOLDERS[field.kind]}
                value={values[field.name] ?? ''}
                onChange={(value) => onChange(field.name, value)}
              />
            </View>
            {error ? <View className="id-photo-field__error">{error}</View> : null}
          </View>
        );
      })}
    </View>
  );
}
