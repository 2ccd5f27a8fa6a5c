import { Popup } from '@nutui/nutui-react-taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { type CascadeOptions, useCascade } from '../hooks/use-cascade';
import { LevelBody } from './cascade-options';
import './cascade-sheet.scss';

interface CascadeSheetProps extends CascadeOptions {
  title: string;
  onClose: () => void;
  /** Group the first level under its options' initials (brands: A, B, C …). */
  groupFirstLevel?: boolean;
}

/**
 * A bottom sheet that picks a path through a tree loaded level by level (brand → series → model,
 * province → city → district): tabs show what is chosen so far and go back to a level; the last level,
 * or a level with nothing under it, ends the choice.
 */
export function CascadeSheet({ title, onClose, groupFirstLevel, ...options }: CascadeSheetProps) {
  const { path, active, level, tabs, open, choose, retry } = useCascade(options);
  return (
    <Popup
      visible={options.visible}
      position="bottom"
      round
      closeable
      title={title}
      onClose={onClose}
      className="cascade-sheet"
    >
      <View className="cascade-sheet__tabs">
        {tabs.map((tab) => (
          <Text
            key={tab.index}
            className={`cascade-tab ${tab.index === active ? 'cascade-tab--active' : ''}`}
            onClick={() => open(tab.index, path)}
          >
            {tab.text}
          </Text>
        ))}
      </View>
      <ScrollView scrollY className="cascade-sheet__list">
        <LevelBody
          level={level}
          chosenId={path[active]?.id}
          grouped={Boolean(groupFirstLevel) && active === 0}
          onChoose={(option) => void choose(option)}
          onRetry={retry}
        />
      </ScrollView>
    </Popup>
  );
}
