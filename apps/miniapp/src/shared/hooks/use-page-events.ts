import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';

/** Pull-down refresh of a page (enablePullDownRefresh in its config): reload, then fold the spinner away. */
export function usePullDownReload(reload: () => Promise<void>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
}

/** Page-level infinite scroll: the page's own scroll, so it works alike in WeChat and in H5. */
export function useInfiniteScroll(list: { loadMore: () => Promise<void>; refresh: () => Promise<void> }): void {
  usePullDownReload(list.refresh);
  useReachBottom(() => {
    void list.loadMore();
  });
}

/**
 * Reloads when the page comes back into view (a tab switched to, a detail page closed), not on its first
 * show: the first load is already under way then.
 */
export function useReloadOnReturn(reload: () => Promise<void>): void {
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void reload();
    seen.current = true;
  });
}
