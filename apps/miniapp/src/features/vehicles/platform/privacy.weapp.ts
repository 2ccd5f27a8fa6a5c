import Taro from '@tarojs/taro';
import type { EnsurePrivacyConsent } from './privacy.types';

/**
 * WeChat asks for the mini-program's privacy guide before personal data (phone, VIN) is collected:
 * `requirePrivacyAuthorize` shows WeChat's own prompt if the user has not agreed yet.
 */
export const ensurePrivacyConsent: EnsurePrivacyConsent = () =>
  new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({
      success: () => resolve(true),
      fail: () => {
        void Taro.showToast({ title: '需要同意隐私保护指引后才能保存车辆信息', icon: 'none' });
        resolve(false);
      },
    });
  });
