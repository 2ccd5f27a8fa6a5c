import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { IdentityNotice } from '../components/identity-notice';
import { AGREEMENT_NAME, type ConsentStepProps } from './consent-step.types';
import './consent-step.scss';

const AGREE_BUTTON_ID = 'identity-agree-privacy';

/**
 * In WeChat the camera, the album and personal data sit behind the mini-program's privacy guide: while
 * the person has not agreed to it, the agree button is WeChat's own (`open-type="agreePrivacyAuthorization"`);
 * once agreed, `requirePrivacyAuthorize` confirms it and the flow goes on.
 */
export function ConsentStep({ dailyLimit, onAgree }: ConsentStepProps) {
  const [needsAuthorization, setNeedsAuthorization] = useState(true);
  const [contractName, setContractName] = useState(AGREEMENT_NAME);

  useEffect(() => {
    Taro.getPrivacySetting({
      success: (setting) => {
        setNeedsAuthorization(setting.needAuthorization);
        if (setting.privacyContractName) setContractName(setting.privacyContractName);
      },
    });
  }, []);

  const confirm = () =>
    Taro.requirePrivacyAuthorize({
      success: onAgree,
      fail: () => void Taro.showToast({ title: '需要同意隐私保护指引后才能认证', icon: 'none' }),
    });

  return (
    <View className="consent-step">
      <View className="consent-step__card">
        <View className="consent-step__heading">开始前请阅读{AGREEMENT_NAME}</View>
        <IdentityNotice dailyLimit={dailyLimit} />
        <Text className="consent-step__link" onClick={() => Taro.openPrivacyContract({})}>
          查看{contractName}
        </Text>
      </View>
      <View className="consent-step__agree">
        <Text className="consent-step__label">
          点击“同意并继续”，即表示您同意将姓名、身份证号和人脸照片提供给支付宝芝麻认证用于本次核验
        </Text>
      </View>
      {needsAuthorization ? (
        <TaroButton
          id={AGREE_BUTTON_ID}
          className="consent-step__button consent-step__button--native consent-agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={onAgree}
        >
          同意并继续
        </TaroButton>
      ) : (
        <TaroButton className="consent-step__button consent-step__button--native consent-agree" onClick={confirm}>
          同意并继续
        </TaroButton>
      )}
    </View>
  );
}
