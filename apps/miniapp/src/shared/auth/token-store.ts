import Taro from '@tarojs/taro';

export const USER_TOKEN_KEY = 'banshi.token';
export const MERCHANT_TOKEN_KEY = 'banshi.merchantToken';

function read(key: string): string | null {
  // getStorageSync answers '' for a missing key.
  const value: unknown = Taro.getStorageSync(key);
  return typeof value === 'string' && value !== '' ? value : null;
}

export const tokenStore = {
  getUser: () => read(USER_TOKEN_KEY),
  setUser: (token: string) => Taro.setStorageSync(USER_TOKEN_KEY, token),
  clearUser: () => Taro.removeStorageSync(USER_TOKEN_KEY),
  getMerchant: () => read(MERCHANT_TOKEN_KEY),
  setMerchant: (token: string) => Taro.setStorageSync(MERCHANT_TOKEN_KEY, token),
  clearMerchant: () => Taro.removeStorageSync(MERCHANT_TOKEN_KEY),
};
