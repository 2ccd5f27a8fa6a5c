import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { request } from '../api/request';
import type { OrderKind } from '../api/types';
import { requestSubscribe } from './subscribe-request';

const CACHE_KEY = 'banshi.subscribeTemplates';

function cached(kind: OrderKind): string[] | undefined {
  const all: unknown = Taro.getStorageSync(CACHE_KEY);
  const ids = all && typeof all === 'object' ? (all as Record<string, unknown>)[kind] : undefined;
  return Array.isArray(ids) ? (ids as string[]) : undefined;
}

async function fetchTemplates(kind: OrderKind): Promise<string[]> {
  const { templateIds } = await request<{ templateIds: string[] }>({
    path: '/api/notifications/subscriptions/templates',
    query: { kind },
    silent: true,
  });
  const all: unknown = Taro.getStorageSync(CACHE_KEY);
  Taro.setStorageSync(CACHE_KEY, { ...(all && typeof all === 'object' ? all : {}), [kind]: templateIds });
  return templateIds;
}

/** Fetches the template ids of a kind ahead of the submit tap (call when the page opens). */
export function prepareUpdates(kind: OrderKind): void {
  void fetchTemplates(kind).catch(() => undefined);
}

/** `prepareUpdates` when a page with a submit or pay button opens. */
export function usePrepareUpdates(kind: OrderKind): void {
  useEffect(() => prepareUpdates(kind), [kind]);
}

/**
 * Call first thing in a submit tap: asks WeChat to let us tell the user when the order moves
 * (「订阅消息」), then records the answer on the server. Never throws and never blocks the submit: a user who
 * declines still gets the in-app message centre.
 */
export function askForUpdates(kind: OrderKind): void {
  const ids = cached(kind);
  // The dialog must open within the tap: with the ids at hand it is asked before anything is awaited.
  const asking = ids ? requestSubscribe(ids) : fetchTemplates(kind).then(requestSubscribe);
  void asking
    .then(async (results) => {
      if (results.length === 0) return;
      await request<void>({
        method: 'POST',
        path: '/api/notifications/subscriptions',
        data: { results },
        silent: true,
      });
    })
    .catch(() => undefined);
  if (ids) prepareUpdates(kind);
}
