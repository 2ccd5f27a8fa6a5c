import Taro from '@tarojs/taro';
import type { MerchantDto, MerchantLoginDto } from '../../shared/api/types';
import { tokenStore } from '../../shared/auth/token-store';

const ACCOUNT_KEY = 'banshi.merchant';

export function saveMerchantSession({ token, merchant }: MerchantLoginDto): void {
  tokenStore.setMerchant(token);
  Taro.setStorageSync(ACCOUNT_KEY, merchant);
}

/** The same session under a new token (after one's own password change ended every other one). */
export function renewMerchantToken(token: string): void {
  tokenStore.setMerchant(token);
}

export function clearMerchantSession(): void {
  tokenStore.clearMerchant();
  Taro.removeStorageSync(ACCOUNT_KEY);
}

export function getMerchantAccount(): MerchantDto | null {
  const value: unknown = Taro.getStorageSync(ACCOUNT_KEY);
  return typeof value === 'object' && value !== null ? (value as MerchantDto) : null;
}

export function hasMerchantSession(): boolean {
  return tokenStore.getMerchant() !== null;
}

/** Replaying a callback and managing accounts are the owner's: staff are not offered them. */
export function isMerchantOwner(): boolean {
  return getMerchantAccount()?.role === 'owner';
}
