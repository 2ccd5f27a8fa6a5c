/**
 * `@tarojs/taro` in jest: Taro's H5 implementation for everything NutUI touches, with the calls our code
 * makes to the outside (network, toast, navigation, login) replaced by jest mocks, and the page hooks, which
 * need a running Taro app, reduced to what a component test can drive.
 */
import * as h5 from '@tarojs/taro-h5';
import { useEffect, useRef } from 'react';

export * from '@tarojs/taro-h5';

type AnyFn = (...args: never[]) => unknown;
const resolved = () => Promise.resolve({ errMsg: 'ok' });

export const request = jest.fn();
export const login = jest.fn();
export const showToast = jest.fn(resolved);
export const hideToast = jest.fn(resolved);
export const navigateTo = jest.fn(resolved);
export const redirectTo = jest.fn(resolved);
export const switchTab = jest.fn(resolved);
export const navigateBack = jest.fn(resolved);
export const stopPullDownRefresh = jest.fn();

const storage = new Map<string, unknown>();
export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown) => void storage.set(key, value));
export const removeStorageSync = jest.fn((key: string) => void storage.delete(key));

/** Route parameters that `useRouter()` hands to the component under test. */
export const routerParams: Record<string, string> = {};
export const useRouter = () => ({ params: routerParams, path: '' });

/**
 * Page events registered by the component under test; a test fires them with `firePageEvent`. A page may
 * listen to one event from several hooks (as Taro allows): each mounted hook is one listener, calling the
 * handler of its latest render.
 */
const pageEvents = new Map<string, Set<() => unknown>>();
const pageHook = (name: string) => (handler: AnyFn) => {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = () => (latest.current as () => unknown)();
    if (!pageEvents.has(name)) pageEvents.set(name, new Set());
    pageEvents.get(name)?.add(listener);
    return () => void pageEvents.get(name)?.delete(listener);
  }, []);
};
export const useDidShow = pageHook('didShow');
export const useDidHide = pageHook('didHide');
export const usePullDownRefresh = pageHook('pullDownRefresh');
export const useReachBottom = pageHook('reachBottom');
export const useLoad = pageHook('load');
export const useReady = pageHook('ready');

/** Fires a page event at every listener; answers when the async ones are done. */
export function firePageEvent(name: string): Promise<unknown[]> {
  return Promise.all([...(pageEvents.get(name) ?? [])].map((listener) => listener()));
}

export function resetTaroMock(): void {
  storage.clear();
  pageEvents.clear();
  for (const key of Object.keys(routerParams)) delete routerParams[key];
  for (const fn of [request, login, showToast, hideToast, navigateTo, redirectTo, switchTab, navigateBack]) {
    fn.mockReset();
  }
  for (const fn of [showToast, hideToast, navigateTo, redirectTo, switchTab, navigateBack]) {
    fn.mockImplementation(resolved);
  }
  stopPullDownRefresh.mockReset();
}

const Taro = {
  ...(h5 as unknown as { default: Record<string, unknown> }).default,
  request,
  login,
  showToast,
  hideToast,
  navigateTo,
  redirectTo,
  switchTab,
  navigateBack,
  stopPullDownRefresh,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  useRouter,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  useReachBottom,
  useLoad,
  useReady,
};

export default Taro;
