import { SearchBar, Tabs } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../../shared/ui/empty-state';
import type { SpecDto, SpecListDto } from '../api/types';
import { colorHex, colorLabel, sizeMm, sizePx } from '../labels';
import './spec-picker.scss';

const ALL = '0';

export function filterSpecs(items: SpecDto[], words: string, categoryId: number | null): SpecDto[] {
  const query = words.trim().toLowerCase();
  return items.filter(
    (spec) =>
      (categoryId === null || spec.categoryId === categoryId) &&
      (query === '' || spec.name.toLowerCase().includes(query) || spec.category.toLowerCase().includes(query)),
  );
}

export function SpecCard({ spec, onPick }: { spec: SpecDto; onPick: (spec: SpecDto) => void }) {
  return (
    <View className="spec-card" hoverClass="spec-card--pressed" onClick={() => onPick(spec)}>
      <View className="spec-card__main">
        <View className="spec-card__title">
          <Text className="spec-card__name">{spec.name}</Text>
          <Text className="spec-card__category">{spec.category}</Text>
        </View>
        <View className="spec-card__sizes">
          <Text className="spec-card__mm">{sizeMm(spec)}</Text>
          <Text className="spec-card__px">{sizePx(spec)}</Text>
          <Text className="spec-card__dpi">{spec.dpi}dpi</Text>
        </View>
        <View className="spec-card__meta">
          {spec.colors.map((color) => (
            <View key={color} className="spec-card__color">
              <View className="spec-card__swatch" style={{ background: colorHex(color) }} />
              <Text>{colorLabel(color)}</Text>
            </View>
          ))}
          {spec.fileSizeMsg && spec.fileSizeMsg !== '不限' ? (
            <Text className="spec-card__filesize">文件 {spec.fileSizeMsg}</Text>
          ) : null}
        </View>
      </View>
      <View className="spec-card__arrow">›</View>
    </View>
  );
}

/** Search and categories over the specs; the size is shown in mm and px, as the portals state it. */
export function SpecPicker({ data, onPick }: { data: SpecListDto; onPick: (spec: SpecDto) => void }) {
  const [words, setWords] = useState('');
  const [tab, setTab] = useState<string>(ALL);
  const categoryId = tab === ALL ? null : Number(tab);
  const items = useMemo(() => filterSpecs(data.items, words, categoryId), [data.items, words, categoryId]);

  return (
    <View className="spec-picker">
      <SearchBar
        className="spec-picker__search"
        placeholder="搜索证件名称，如：身份证、护照"
        value={words}
        onChange={(value) => setWords(value)}
        onClear={() => setWords('')}
      />
      <Tabs
        className="spec-picker__tabs"
        value={tab}
        onChange={(value) => setTab(String(value))}
        activeType="line"
        autoHeight
      >
        <Tabs.TabPane title="全部" value={ALL} />
        {data.categories.map((category) => (
          <Tabs.TabPane key={category.id} title={category.name} value={String(category.id)} />
        ))}
      </Tabs>
      <View className="spec-picker__list">
        {items.length === 0 ? (
          <EmptyState title="没有找到该规格" description="换个关键词试试，或在“全部”中查找" />
        ) : (
          items.map((spec) => <SpecCard key={spec.itemId} spec={spec} onPick={onPick} />)
        )}
      </View>
    </View>
  );
}
