import { DatePicker } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

const FIRST_DAY = new Date(2024, 0, 1);

type DateField = 'from' | 'to';
type Range = Record<DateField, string | null>;

function toPickerDate(day: string | null): Date {
  if (!day) return new Date();
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

function fromPickerValues(values: ReadonlyArray<unknown>): string {
  const [year, month, date] = values.map(Number);
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

interface FilterDateRangeProps {
  value: Range;
  onChange: (patch: Partial<Range>) => void;
}

/** 日期: from and to (inclusive, `YYYY-MM-DD`), each picked in a date picker, and 清除 for both. */
export function FilterDateRange({ value, onChange }: FilterDateRangeProps) {
  const [picking, setPicking] = useState<DateField | null>(null);
  const dateButton = (field: DateField, placeholder: string) => (
    <View className={`merchant-filter-${field} date-field`} onClick={() => setPicking(field)}>
      <Text className={value[field] ? 'date-field__value' : 'date-field__placeholder'}>
        {value[field] ?? placeholder}
      </Text>
    </View>
  );
  return (
    <View className="merchant-filters__dates">
      <Text className="filter-chips__label">日期</Text>
      {dateButton('from', '开始日期')}
      <Text className="merchant-filters__dash">至</Text>
      {dateButton('to', '结束日期')}
      {value.from || value.to ? (
        <Text className="merchant-filter-clear-dates" onClick={() => onChange({ from: null, to: null })}>
          清除
        </Text>
      ) : null}
      {picking ? (
        <DatePicker
          visible
          type="date"
          title={picking === 'from' ? '开始日期' : '结束日期'}
          showChinese
          startDate={FIRST_DAY}
          endDate={new Date()}
          defaultValue={toPickerDate(value[picking])}
          onClose={() => setPicking(null)}
          onConfirm={(_options, values) => onChange({ [picking]: fromPickerValues(values) })}
        />
      ) : null}
    </View>
  );
}
