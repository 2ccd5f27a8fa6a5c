import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/http';
import type { NamedOption } from '../api/types';

export type LevelState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; options: NamedOption[] };

export interface CascadeOptions {
  visible: boolean;
  /** What each level is called while nothing is chosen there, e.g. 品牌 / 车系 / 车型. */
  levels: string[];
  /** The current choice (empty when none). */
  value: NamedOption[];
  /** Options of a level under the option chosen one level up (`null` for the first level). */
  load: (level: number, parent: NamedOption | null) => Promise<NamedOption[]>;
  onConfirm: (path: NamedOption[]) => void;
}

/**
 * One level's options, loaded once per parent and kept; only the latest request may change what is shown
 * (a slow answer for a level the user already left is dropped).
 */
function useLevelLoader(load: CascadeOptions['load']) {
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
      const message = error instanceof ApiError ? error.message : '加载失败，请检查网络后重试';
      if (mine === seq.current) setLevel({ status: 'error', message });
      return null;
    }
  };
  return { level, fetchLevel };
}

/** The path chosen so far, the level on show, and what choosing an option there does. */
export function useCascade({ visible, levels, value, load, onConfirm }: CascadeOptions) {
  const [path, setPath] = useState<NamedOption[]>([]);
  const [active, setActive] = useState(0);
  const { level, fetchLevel } = useLevelLoader(load);

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
    if (active === levels.length - 1) return onConfirm(next);
    const children = await fetchLevel(active + 1, option);
    // A level with nothing under it ends the choice; one that failed to load stays open to retry.
    if (children !== null && children.length === 0) onConfirm(next);
    else setActive(active + 1);
  };

  const tabs = levels
    .slice(0, active + 1)
    .map((name, index) => ({ index, text: path[index]?.name ?? `请选择${name}` }));

  return { path, active, level, tabs, open, choose, retry: () => open(active, path) };
}
