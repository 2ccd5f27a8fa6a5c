import { Button, DatePicker, Input, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { OrderKind, OrderStatus } from '../../../shared/api/types';
import { KIND_LABELS, ORDER_KINDS, ORDER_STATUSES, STATUS_LABELS } from '../../../shared/labels';
import { countActiveFilters, EMPTY_FILTERS, type MerchantFilters, validateFilters } from '../filters';
import { FilterChips } from './filter-chips';
import './order-filter-form.scss';

const KIND_OPTIONS = ORDER_KINDS.map((value: OrderKind) => ({ value, label: KIND_LABELS[value] }));
const STATUS_OPTIONS = ORDER_STATUSES.map((value: OrderStatus) => ({ value, label: STATUS_LABELS[value] }));
const SORT_OPTIONS = [
  { value: 'desc', label: '最新在前' },
  { value: 'asc', label: '最早在前' },
] as const;
const FIRST_DAY = new Date(2024, 0, 1);

type DateField = 'from' | 'to';

function toPickerDate(day: string | null): Date {
  if (!day) return new Date();
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

function fromPickerValues(values: ReadonlyArray<unknown>): string {
  const [year, month, date] = values.map(Number);
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

interface OrderFilterFormProps {
  value: MerchantFilters;
  onSubmit: (filters: MerchantFilters) => void;
}

/**
 * Search by order number, with kind, status and a date range behind a "筛选" toggle so that the list keeps
 * the screen. Nothing is sent until 查询; 重置 clears and sends at once.
 */
export function OrderFilterForm({ value, onSubmit }: OrderFilterFormProps) {
  const [draft, setDraft] = useState<MerchantFilters>(value);
  const [expanded, setExpanded] = useState(false);
  const [picking, setPicking] = useState<DateField | null>(null);
  const update = (patch: Partial<MerchantFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const active = countActiveFilters(value);
  // The page may change the filters too (a tap on a status count): the form follows.
  useEffect(() => setDraft(value), [value]);

  const submit = () => {
    const problem = validateFilters(draft);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    setExpanded(false);
    onSubmit(draft);
  };
  const reset = () => {
    setDraft(EMPTY_FILTERS);
    setExpanded(false);
    onSubmit(EMPTY_FILTERS);
  };

  const dateButton = (field: DateField, placeholder: string) => (
    <View className={`merchant-filter-${field} date-field`} onClick={() => setPicking(field)}>
      <Text className={draft[field] ? 'date-field__value' : 'date-field__placeholder'}>
        {draft[field] ?? placeholder}
      </Text>
    </View>
  );

  return (
    <View className="merchant-filters">
      <View className="merchant-filters__bar">
        <Input
          className="merchant-filter-order-no"
          placeholder="搜索订单号"
          value={draft.orderNo}
          clearable
          confirmType="search"
          onChange={(orderNo) => update({ orderNo })}
          onConfirm={submit}
        />
        <View className="merchant-filter-toggle" onClick={() => setExpanded(!expanded)}>
          {expanded ? '收起' : active > 0 ? `筛选(${active})` : '筛选'}
        </View>
      </View>
      {expanded ? (
        <View className="merchant-filters__panel">
          <FilterChips
            label="类型"
            className="merchant-filter-kind"
            options={KIND_OPTIONS}
            value={draft.kind}
            onChange={(kind) => update({ kind })}
          />
          <FilterChips
            label="状态"
            className="merchant-filter-status"
            options={STATUS_OPTIONS}
            value={draft.status}
            onChange={(status) => update({ status })}
          />
          <View className="merchant-filters__row">
            <Text className="filter-chips__label">手机尾号</Text>
            <Input
              className="merchant-filter-phone"
              type="number"
              placeholder="用户手机后 4 位"
              maxLength={4}
              value={draft.phoneLast4}
              clearable
              onChange={(phoneLast4) => update({ phoneLast4 })}
            />
          </View>
          <View className="merchant-filters__row">
            <Text className="filter-chips__label">服务商单号</Text>
            <Input
              className="merchant-filter-vendor-ref"
              placeholder="服务商返回的单号"
              maxLength={64}
              value={draft.vendorRef}
              clearable
              onChange={(vendorRef) => update({ vendorRef })}
            />
          </View>
          <View className="filter-chips merchant-filter-sort">
            <Text className="filter-chips__label">排序</Text>
            <View className="filter-chips__options">
              {SORT_OPTIONS.map((option) => {
                const selected = draft.sort === option.value;
                return (
                  <Tag
                    key={option.value}
                    className={`filter-chip${selected ? ' filter-chip--selected' : ''}`}
                    round
                    plain={!selected}
                    background={selected ? '#07c160' : '#dcdee3'}
                    color={selected ? '#ffffff' : '#4d4d4d'}
                    onClick={() => update({ sort: option.value })}
                  >
                    {option.label}
                  </Tag>
                );
              })}
            </View>
          </View>
          <View className="merchant-filters__dates">
            <Text className="filter-chips__label">日期</Text>
            {dateButton('from', '开始日期')}
            <Text className="merchant-filters__dash">至</Text>
            {dateButton('to', '结束日期')}
            {draft.from || draft.to ? (
              <Text className="merchant-filter-clear-dates" onClick={() => update({ from: null, to: null })}>
                清除
              </Text>
            ) : null}
          </View>
        </View>
      ) : null}
      <View className="merchant-filters__actions">
        <Button className="merchant-filter-reset" size="small" onClick={reset}>
          重置
        </Button>
        <Button className="merchant-filter-submit" size="small" type="primary" onClick={submit}>
          查询
        </Button>
      </View>
      {picking ? (
        <DatePicker
          visible
          type="date"
          title={picking === 'from' ? '开始日期' : '结束日期'}
          showChinese
          startDate={FIRST_DAY}
          endDate={new Date()}
          defaultValue={toPickerDate(draft[picking])}
          onClose={() => setPicking(null)}
          onConfirm={(_options, values) => update({ [picking]: fromPickerValues(values) })}
        />
      ) : null}
    </View>
  );
}
