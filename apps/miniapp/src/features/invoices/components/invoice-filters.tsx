import { Picker, Tabs } from '@nutui/nutui-react-taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { InvoiceFilters, MonthTotals } from '../api/types';
import { monthLabel, TYPE_FILTERS } from '../labels';
import './invoice-filters.scss';

interface InvoiceFiltersProps {
  value: InvoiceFilters;
  months: MonthTotals[];
  onChange: (filters: InvoiceFilters) => void;
}

const REIMBURSED_TABS = [
  { value: 'all', title: '全部' },
  { value: 'false', title: '未报销' },
  { value: 'true', title: '已报销' },
] as const;

/** Reimbursed or not as tabs, the bill type as a row of chips, the month from the months that have bills. */
export function InvoiceFilterBar({ value, months, onChange }: InvoiceFiltersProps) {
  const tab = value.reimbursed === null ? 'all' : String(value.reimbursed);
  const [picking, setPicking] = useState(false);
  const monthOptions = [
    { label: '全部月份', value: 'all' },
    ...months.map((month) => ({ label: monthLabel(month.month), value: month.month })),
  ];
  const chips = [{ value: null, label: '全部类型' }, ...TYPE_FILTERS];
  return (
    <View className="invoice-filters">
      <View className="invoice-filters__row">
        <Tabs
          className="invoice-filters__tabs"
          value={tab}
          onChange={(next) => onChange({ ...value, reimbursed: next === 'all' ? null : next === 'true' })}
        >
          {REIMBURSED_TABS.map((item) => (
            <Tabs.TabPane key={item.value} value={item.value} title={item.title} />
          ))}
        </Tabs>
        <View className="invoice-filters__month" onClick={() => setPicking(true)}>
          <Text>{value.month ? monthLabel(value.month) : '全部月份'}</Text>
          <Text className="invoice-filters__caret">▾</Text>
        </View>
      </View>
      <Picker
        visible={picking}
        title="选择月份"
        options={[monthOptions]}
        value={[value.month ?? 'all']}
        onConfirm={(_options, values) => onChange({ ...value, month: values[0] === 'all' ? null : String(values[0]) })}
        onClose={() => setPicking(false)}
      />
      <ScrollView className="invoice-filters__types" scrollX enhanced showScrollbar={false}>
        {chips.map((chip) => {
          const selected = chip.value === value.type;
          return (
            <View
              key={chip.value ?? 'all'}
              className={`invoice-type-chip${selected ? ' invoice-type-chip--selected' : ''}`}
              onClick={() => onChange({ ...value, type: chip.value })}
            >
              {chip.label}
            </View>
          );
        })}
      </ScrollView>
    </View>
  );
}
