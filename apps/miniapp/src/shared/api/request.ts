import Taro from '@tarojs/taro';
import { ensureUserToken, signIn } from '../auth/session';
import { tokenStore } from '../auth/token-store';
import { ROUTES } from '../routes';
import { ApiError, type HttpOptions, NETWORK_ERROR_MESSAGE, sendJson } from './http';

export { ApiError } from './http';

export type TokenKind = 'user' | 'merchant' | 'none';

/** Which credential a route takes: merchant routes the merchant's, login routes none, the rest the user's. */
export function tokenKindFor(path: string): TokenKind {
  if (path === '/api/merchant/login') return 'none';
  if (path.startsWith('/api/merchant/')) return 'merchant';
  // The sandbox's stand-in for the subscribe dialog acts for the signed-in user.
  if (path === '/api/sandbox/wechat/subscribe') return 'user';
  if (path.startsWith('/api/auth/') || path.startsWith('/api/sandbox/')) return 'none';
  return 'user';
}

export interface RequestOptions extends Omit<HttpOptions, 'token'> {
  /** Leave the error to the caller instead of toasting it (e.g. a form that shows it inline). */
  silent?: boolean;
}

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;

async function asUser<T>(options: HttpOptions): Promise<T> {
  const token = await ensureUserToken();
  try {
    return await sendJson<T>({ ...options, token });
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    // The token expired (or the server's key rotated): log in again once and retry once. Another request
    // may already have logged in again, so only a token that is still the rejected one is thrown away.
    if (tokenStore.getUser() === token) tokenStore.clearUser();
    const fresh = tokenStore.getUser() ?? (await signIn());
    return sendJson<T>({ ...options, token: fresh });
  }
}

async function asMerchant<T>(options: HttpOptions): Promise<T> {
  try {
    return await sendJson<T>({ ...options, token: tokenStore.getMerchant() });
  } catch (error) {
    if (isUnauthorized(error)) {
      // A merchant password cannot be replayed silently: send the merchant back to the login form.
      tokenStore.clearMerchant();
      void Taro.redirectTo({ url: ROUTES.merchantLogin }).catch(() => undefined);
    }
    throw error;
  }
}

export function showError(error: unknown): void {
  const message = error instanceof ApiError ? error.message : NETWORK_ERROR_MESSAGE;
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => undefined);
}

/** Every API call of the app goes through here: credentials by route, JSON, and errors shown as a toast. */
export async function request<T>({ silent = false, ...options }: RequestOptions): Promise<T> {
  try {
    switch (tokenKindFor(options.path)) {
      case 'user':
        return await asUser<T>(options);
      case 'merchant':
        return await asMerchant<T>(options);
      default:
        return await sendJson<T>(options);
    }
  } catch (error) {
    if (!silent) showError(error);
    throw error;
  }
}
