import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { OrderKind, OrderStatus } from '../../../shared/api/types';
import { KIND_LABELS, ORDER_KINDS, ORDER_STATUSES, STATUS_LABELS } from '../../../shared/labels';
import type { MerchantFilters } from '../filters';
import { FilterChips } from './filter-chips';
import { FilterDateRange } from './filter-date-range';

const KIND_OPTIONS = ORDER_KINDS.map((value: OrderKind) => ({ value, label: KIND_LABELS[value] }));
const STATUS_OPTIONS = ORDER_STATUSES.map((value: OrderStatus) => ({ value, label: STATUS_LABELS[value] }));
const SORT_OPTIONS = [
  { value: 'desc', label: '最新在前' },
  { value: 'asc', label: '最早在前' },
] as const;

interface TextFilterProps {
  label: string;
  className: string;
  placeholder: string;
  maxLength: number;
  type?: 'number';
  value: string;
  onChange: (value: string) => void;
}

function TextFilter({ label, ...input }: TextFilterProps) {
  return (
    <View className="merchant-filters__row">
      <Text className="filter-chips__label">{label}</Text>
      <Input clearable {...input} />
    </View>
  );
}

interface FilterPanelProps {
  draft: MerchantFilters;
  update: (patch: Partial<MerchantFilters>) => void;
}

/** Everything behind the 筛选 toggle: kind, status, phone, vendor reference, sort order and dates. */
export function FilterPanel({ draft, update }: FilterPanelProps) {
  return (
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
      <TextFilter
        label="手机尾号"
        className="merchant-filter-phone"
        type="number"
        placeholder="用户手机后 4 位"
        maxLength={4}
        value={draft.phoneLast4}
        onChange={(phoneLast4) => update({ phoneLast4 })}
      />
      <TextFilter
        label="服务商单号"
        className="merchant-filter-vendor-ref"
        placeholder="服务商返回的单号"
        maxLength={64}
        value={draft.vendorRef}
        onChange={(vendorRef) => update({ vendorRef })}
      />
      <FilterChips
        label="排序"
        className="merchant-filter-sort"
        options={SORT_OPTIONS}
        value={draft.sort}
        withAll={false}
        onChange={(sort) => update({ sort: sort ?? draft.sort })}
      />
      <FilterDateRange value={draft} onChange={update} />
    </View>
  );
}
