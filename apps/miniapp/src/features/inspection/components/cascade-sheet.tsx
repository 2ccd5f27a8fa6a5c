import { Button, Loading, Popup } from '@nutui/nutui-react-taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/http';
import type { NamedOption } from '../api/types';
import './cascade-sheet.scss';

interface CascadeSheetProps {
  visible: boolean;
  title: string;
  /** What each level is called while nothing is chosen there, e.g. 品牌 / 车系 / 车型. */
  levels: string[];
  /** The current choice (empty when none). */
  value: NamedOption[];
  /** Options of a level under the option chosen one level up (`null` for the first level). */
  load: (level: number, parent: NamedOption | null) => Promise<NamedOption[]>;
  onConfirm: (path: NamedOption[]) => void;
  onClose: () => void;
  /** Group the first level under its options' initials (brands: A, B, C …). */
  groupFirstLevel?: boolean;
}

type LevelState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; options: NamedOption[] };

/**
 * A bottom sheet that picks a path through a tree loaded level by level (brand → series → model,
 * province → city → district): tabs show what is chosen so far and go back to a level; the last level,
 * or a level with nothing under it, ends the choice.
 */
export function CascadeSheet({
  visible,
  title,
  levels,
  value,
  load,
  onConfirm,
  onClose,
  groupFirstLevel,
}: CascadeSheetProps) {
  const [path, setPath] = useState<NamedOption[]>([]);
  const [active, setActive] = useState(0);
  const [level, setLevel] = useState<LevelState>({ status: 'loading' });
  const cache = useRef(new Map<string, NamedOption[]>());
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchLevel = async (index: number, parent: NamedOption | null): Promise<NamedOption[] | null> => {
    const key = `${index}:${parent?.id ?? 'root'}`;
    const known = cache.current.get(key);
    const mine = ++seq.current;
    if (known) {
      setLevel({ status: 'ready', options: known });
      return known;
    }
    setLevel({ status: 'loading' });
    try {
      const options = await loadRef.current(index, parent);
      cache.current.set(key, options);
      if (mine === seq.current) setLevel({ status: 'ready', options });
      return options;
    } catch (error) {
      if (mine === seq.current) {
        setLevel({
          status: 'error',
          message: error instanceof ApiError ? error.message : '加载失败，请检查网络后重试',
        });
      }
      return null;
    }
  };

  const open = (index: number, chosen: NamedOption[]) => {
    setActive(index);
    void fetchLevel(index, index === 0 ? null : chosen[index - 1]);
  };

  useEffect(() => {
    if (!visible) return;
    setPath(value);
    open(value.length > 0 ? value.length - 1 : 0, value);
    // Opening the sheet starts from the saved choice; later renders must not reset what the user is doing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible]);

  const choose = async (option: NamedOption) => {
    const next = [...path.slice(0, active), option];
    setPath(next);
    if (active === levels.length - 1) {
      onConfirm(next);
      return;
    }
    const children = await fetchLevel(active + 1, option);
    if (children === null) {
      setActive(active + 1);
    } else if (children.length === 0) {
      onConfirm(next);
    } else {
      setActive(active + 1);
    }
  };

  const tabs = levels
    .slice(0, active + 1)
    .map((name, index) => ({ index, text: path[index]?.name ?? `请选择${name}` }));
  const chosenId = path[active]?.id;

  const renderOptions = (options: NamedOption[]) => {
    if (options.length === 0) return <View className="cascade-sheet__state">暂无可选项</View>;
    const grouped = groupFirstLevel && active === 0;
    let lastInitial = '';
    return options.map((option) => {
      const header = grouped && option.initial && option.initial !== lastInitial ? option.initial : null;
      if (header) lastInitial = header;
      return (
        <View key={option.id}>
          {header ? <View className="cascade-sheet__group">{header}</View> : null}
          <View
            className={`cascade-option ${option.id === chosenId ? 'cascade-option--chosen' : ''}`}
            hoverClass="cascade-option--pressed"
            onClick={() => void choose(option)}
          >
            <Text className="cascade-option__name">{option.name}</Text>
            {option.id === chosenId ? <Text className="cascade-option__check">✓</Text> : null}
          </View>
        </View>
      );
    });
  };

  return (
    <Popup
      visible={visible}
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
        {level.status === 'loading' ? (
          <View className="cascade-sheet__state">
            <Loading>加载中…</Loading>
          </View>
        ) : level.status === 'error' ? (
          <View className="cascade-sheet__state cascade-sheet__state--error">
            <View>{level.message}</View>
            <Button size="small" className="cascade-sheet__retry" onClick={() => open(active, path)}>
              重试
            </Button>
          </View>
        ) : (
          renderOptions(level.options)
        )}
      </ScrollView>
    </Popup>
  );
}
