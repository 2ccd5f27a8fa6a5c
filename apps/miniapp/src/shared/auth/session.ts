import { loginWithWechat } from './login';
import { tokenStore } from './token-store';

let pending: Promise<string> | null = null;

/**
 * Logs in and stores the token. Pages that load together share one login: WeChat codes are single-use and
 * rate-limited, so parallel logins would waste them.
 */
export function signIn(): Promise<string> {
  if (!pending) {
    pending = loginWithWechat()
      .then(({ token }) => {
        tokenStore.setUser(token);
        return token;
      })
      .finally(() => {
        pending = null;
      });
  }
  return pending;
}

export async function ensureUserToken(): Promise<string> {
  return tokenStore.getUser() ?? signIn();
}
