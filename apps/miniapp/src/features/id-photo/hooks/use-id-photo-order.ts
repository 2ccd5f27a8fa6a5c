import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useRequest } from '../../../shared/api/use-request';
import { getOrder } from '../api/id-photo-api';

/** While the vendor is working, the page looks again every few seconds (callbacks arrive in the background). */
const POLL_MS = 2500;
const WAITING = new Set(['pending', 'processing']);

export function useIdPhotoOrder(id: number | null) {
  const state = useRequest(id, () => getOrder(id as number));
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  const status = state.data?.order.status;
  const { reload } = state;

  useEffect(() => {
    if (!visible || !status || !WAITING.has(status)) return undefined;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [visible, status, reload]);

  return state;
}
