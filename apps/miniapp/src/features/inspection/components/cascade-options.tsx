import { Button, Loading } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { NamedOption } from '../api/types';
import type { LevelState } from '../hooks/use-cascade';

interface OptionListProps {
  options: NamedOption[];
  chosenId?: number;
  /** Headed by their initials (brands: A, B, C …). */
  grouped: boolean;
  onChoose: (option: NamedOption) => void;
}

function OptionList({ options, chosenId, grouped, onChoose }: OptionListProps) {
  if (options.length === 0) return <View className="cascade-sheet__state">暂无可选项</View>;
  let lastInitial = '';
  const rows = options.map((option) => {
    const header = grouped && option.initial && option.initial !== lastInitial ? option.initial : null;
    if (header) lastInitial = header;
    const chosen = option.id === chosenId;
    return (
      <View key={option.id}>
        {header ? <View className="cascade-sheet__group">{header}</View> : null}
        <View
          className={`cascade-option ${chosen ? 'cascade-option--chosen' : ''}`}
          hoverClass="cascade-option--pressed"
          onClick={() => onChoose(option)}
        >
          <Text className="cascade-option__name">{option.name}</Text>
          {chosen ? <Text className="cascade-option__check">✓</Text> : null}
        </View>
      </View>
    );
  });
  return <>{rows}</>;
}

interface LevelBodyProps extends Omit<OptionListProps, 'options'> {
  level: LevelState;
  onRetry: () => void;
}

/** A level's options, or that they are loading, or why they did not come with a retry. */
export function LevelBody({ level, onRetry, ...list }: LevelBodyProps) {
  if (level.status === 'loading') {
    return (
      <View className="cascade-sheet__state">
        <Loading>加载中…</Loading>
      </View>
    );
  }
  if (level.status === 'error') {
    return (
      <View className="cascade-sheet__state cascade-sheet__state--error">
        <View>{level.message}</View>
        <Button size="small" className="cascade-sheet__retry" onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  return <OptionList options={level.options} {...list} />;
}
