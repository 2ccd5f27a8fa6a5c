import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import './filter-chips.scss';

interface FilterChipsProps<T extends string> {
  label: string;
  className: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  /** `null` is "全部". */
  value: T | null;
  onChange: (value: T | null) => void;
  /** Without the leading "全部", for a choice that always has a value (the sort order). */
  withAll?: boolean;
}

/** One row of single-choice chips with a leading "全部"; tapping the chosen chip again changes nothing. */
export function FilterChips<T extends string>(props: FilterChipsProps<T>) {
  const { label, className, options, value, onChange, withAll = true } = props;
  const chips: Array<{ value: T | null; label: string }> = withAll
    ? [{ value: null, label: '全部' }, ...options]
    : [...options];
  return (
    <View className={`filter-chips ${className}`}>
      <Text className="filter-chips__label">{label}</Text>
      <View className="filter-chips__options">
        {chips.map((chip) => {
          const selected = chip.value === value;
          return (
            <Tag
              key={chip.value ?? 'all'}
              className={`filter-chip${selected ? ' filter-chip--selected' : ''}`}
              round
              plain={!selected}
              background={selected ? '#07c160' : '#dcdee3'}
              color={selected ? '#ffffff' : '#4d4d4d'}
              onClick={() => onChange(chip.value)}
            >
              {chip.label}
            </Tag>
          );
        })}
      </View>
    </View>
  );
}
