import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { useCursorList } from '../hooks/use-cursor-list';
import { messagesApi } from './messages-api';

/** The message list and its unread count (kept in step as messages are opened). */
export function useMessages() {
  const [unread, setUnread] = useState(0);
  const list = useCursorList('messages', async (cursor) => {
    const page = await messagesApi.list(cursor);
    setUnread(page.unread);
    return page;
  });
  return { ...list, unread, setUnread };
}

const ME_TAB_INDEX = 2;

/** The 我的 tab's badge: the number, capped as WeChat's own badges are, or none. */
export function tabBadgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}

async function showOnTab(unread: number): Promise<void> {
  const text = tabBadgeText(unread);
  try {
    await (text ? Taro.setTabBarBadge({ index: ME_TAB_INDEX, text }) : Taro.removeTabBarBadge({ index: ME_TAB_INDEX }));
  } catch {
    // Not a tab page (or no tab bar yet): the next tab page shown sets it.
  }
}

/**
 * The unread count, asked again each time a tab page shows (a message read elsewhere, or a new one, is
 * seen on return) and mirrored on the 我的 tab.
 */
export function useUnreadBadge() {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(async () => {
    const count = await messagesApi
      .unread()
      .then((answer) => answer.unread)
      .catch(() => null);
    // Unknown (offline): keep what was shown rather than clearing it.
    if (count === null) return;
    setUnread(count);
    await showOnTab(count);
  }, []);
  useDidShow(() => void refresh());
  return { unread, refresh };
}
