import { DatePicker, RadioGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

interface PickFieldProps {
  /** `model` or `date`: the row's modifier (`car-field--model`), which the browser journey taps. */
  kind: string;
  label: string;
  value: string;
  placeholder: string;
  error?: string;
  onPick: () => void;
}

/** A row that opens a picker: what was picked, or what to pick, and the error under it. */
export function PickField({ kind, label, value, placeholder, error, onPick }: PickFieldProps) {
  return (
    <>
      <View className={`car-field car-field--${kind}`} onClick={onPick}>
        <Text className="car-field__label">{label}</Text>
        <Text className={`car-field__value ${value ? '' : 'car-field__value--empty'}`}>{value || placeholder}</Text>
        <Text className="car-field__arrow">›</Text>
      </View>
      {error ? <View className="car-field__error">{error}</View> : null}
    </>
  );
}

export const YES_NO = [
  { label: '否', value: '0' },
  { label: '是', value: '1' },
];

interface ChoiceFieldProps {
  label: string;
  /** The group's own class (`car-use`, `car-operation`, `car-accident`). */
  className: string;
  options: { label: string; value: string }[];
  value: 0 | 1;
  onChange: (value: 0 | 1) => void;
}

/** A yes/no (or one-of-two) question as a row of buttons. */
export function ChoiceField({ label, className, options, value, onChange }: ChoiceFieldProps) {
  return (
    <View className="car-field">
      <Text className="car-field__label">{label}</Text>
      <RadioGroup
        className={className}
        direction="horizontal"
        shape="button"
        value={String(value)}
        options={options}
        onChange={(next) => onChange(Number(next) as 0 | 1)}
      />
    </View>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const dateOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
};

interface RegisterDatePickerProps {
  visible: boolean;
  /** `YYYY-MM-DD`, or '' before one is picked. */
  value: string;
  onClose: () => void;
  onConfirm: (day: string) => void;
}

/** The registration date, up to 30 years back; a new pick starts three years ago, where most cars are. */
export function RegisterDatePicker({ visible, value, onClose, onConfirm }: RegisterDatePickerProps) {
  const today = new Date();
  return (
    <DatePicker
      title="注册日期"
      visible={visible}
      type="date"
      showChinese
      startDate={new Date(today.getFullYear() - 30, 0, 1)}
      endDate={today}
      defaultValue={value ? dateOf(value) : new Date(today.getFullYear() - 3, today.getMonth(), 1)}
      onClose={onClose}
      onConfirm={(_options, values) => {
        const [y, m, d] = values.map(Number);
        onConfirm(dayOf(new Date(y, m - 1, d)));
      }}
    />
  );
}
