import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { countActiveFilters, type MerchantFilters } from '../filters';
import { useFilterDraft } from '../hooks/use-filter-draft';
import { FilterPanel } from './filter-panel';
import './order-filter-form.scss';

interface OrderFilterFormProps {
  value: MerchantFilters;
  onSubmit: (filters: MerchantFilters) => void;
}

/**
 * Search by order number, with kind, status and a date range behind a "筛选" toggle so that the list keeps
 * the screen. Nothing is sent until 查询; 重置 clears and sends at once.
 */
export function OrderFilterForm({ value, onSubmit }: OrderFilterFormProps) {
  const { draft, update, expanded, toggle, submit, reset } = useFilterDraft(value, onSubmit);
  const active = countActiveFilters(value);
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
        <View className="merchant-filter-toggle" onClick={toggle}>
          {expanded ? '收起' : active > 0 ? `筛选(${active})` : '筛选'}
        </View>
      </View>
      {expanded ? <FilterPanel draft={draft} update={update} /> : null}
      <View className="merchant-filters__actions">
        <Button className="merchant-filter-reset" size="small" onClick={reset}>
          重置
        </Button>
        <Button className="merchant-filter-submit" size="small" type="primary" onClick={submit}>
          查询
        </Button>
      </View>
    </View>
  );
}
