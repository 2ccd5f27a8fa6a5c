import Taro from '@tarojs/taro';
import type { RequirePrivacyConsent } from './require-privacy-consent.types';

/**
 * WeChat asks for the mini-program's privacy guide before personal data (ID number, face, phone, VIN) is
 * collected: `requirePrivacyAuthorize` shows WeChat's own prompt if the person has not agreed yet.
 */
export const requirePrivacyConsent: RequirePrivacyConsent = (refusedMessage) =>
  new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({
      success: () => resolve(true),
      fail: () => {
        void Taro.showToast({ title: refusedMessage, icon: 'none' });
        resolve(false);
      },
    });
  });
