import type { MerchantProfile, MerchantToken } from './types';

const TOKEN_KEY = 'banshi.console.token';
const ACCOUNT_KEY = 'banshi.console.merchant';

/** The merchant's token and profile, kept in this browser only (the console's own keys). */
export const session = {
  save({ token, merchant }: MerchantToken): void {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(ACCOUNT_KEY, JSON.stringify(merchant));
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(ACCOUNT_KEY);
  },
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  merchant(): MerchantProfile | null {
    try {
      return JSON.parse(localStorage.getItem(ACCOUNT_KEY) ?? 'null') as MerchantProfile | null;
    } catch {
      return null;
    }
  },
};
