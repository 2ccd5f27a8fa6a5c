import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { AGREEMENT_NAME, type ConsentProps } from './consent.types';
import { PrivacyNotice } from './privacy-notice';
import './consent.scss';

/**
 * In WeChat, personal data sits behind the mini-program's privacy guide: until the person agreed to it,
 * the button is WeChat's own (`open-type="agreePrivacyAuthorization"`); after that,
 * `requirePrivacyAuthorize` confirms it and the form opens.
 */
export function Consent({ retentionDays, onAgree }: ConsentProps) {
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
      fail: () => void Taro.showToast({ title: '需要同意隐私保护指引后才能填写', icon: 'none' }),
    });

  return (
    <View className="id-photo-privacy">
      <View className="id-photo-privacy__card">
        <View className="id-photo-privacy__heading">填写信息前，请阅读{AGREEMENT_NAME}</View>
        <PrivacyNotice retentionDays={retentionDays} />
        <Text className="id-photo-privacy__link" onClick={() => Taro.openPrivacyContract({})}>
          查看{contractName}
        </Text>
      </View>
      <View className="id-photo-privacy__agree">
        <Text className="id-photo-privacy__label">点击“同意并继续”，即表示您已阅读并同意上述说明</Text>
      </View>
      {needsAuthorization ? (
        <TaroButton
          className="id-photo-privacy__button id-photo-privacy__button--native id-photo-consent-agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={onAgree}
        >
          同意并继续
        </TaroButton>
      ) : (
        <TaroButton
          className="id-photo-privacy__button id-photo-privacy__button--native id-photo-consent-agree"
          onClick={confirm}
        >
          同意并继续
        </TaroButton>
      )}
    </View>
  );
}
