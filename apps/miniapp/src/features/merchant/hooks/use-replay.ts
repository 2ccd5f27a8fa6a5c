import Taro from '@tarojs/taro';
import { useState } from 'react';
import { replayCallback } from '../api/attention';

/** Replays a failed callback (by id) after a confirmation, says how it went, then lets the page reload. */
export function useReplay(onDone: () => Promise<void> | void) {
  const [replaying, setReplaying] = useState<number | null>(null);
  const replay = async (callbackId: number) => {
    const { confirm } = await Taro.showModal({
      title: '重放回调',
      content: '将按服务商原始报文重新处理这条回调，每条只会生效一次。确定重放吗？',
      confirmText: '重放',
    });
    if (!confirm) return;
    setReplaying(callbackId);
    try {
      const result = await replayCallback(callbackId);
      void Taro.showToast({
        title: result.applied ? '已重放，回调已处理' : `仍然失败：${result.callback.reason ?? '请稍后再试'}`,
        icon: result.applied ? 'success' : 'none',
        duration: 2500,
      });
      await onDone();
    } catch {
      // The request wrapper has shown the server's message (e.g. it was replayed already).
      await onDone();
    } finally {
      setReplaying(null);
    }
  };
  return { replay, replaying };
}
