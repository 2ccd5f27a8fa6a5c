import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { PrivacyConsentProps } from './privacy-consent.types';
import { requirePrivacyConsent } from './require-privacy-consent';
import './privacy-consent.scss';

/** Whether WeChat still has to ask, and the name the mini-program's privacy guide is registered under. */
function usePrivacySetting(agreementName: string) {
  const [needsAuthorization, setNeedsAuthorization] = useState(true);
  const [contractName, setContractName] = useState(agreementName);
  useEffect(() => {
    Taro.getPrivacySetting({
      success: (setting) => {
        setNeedsAuthorization(setting.needAuthorization);
        if (setting.privacyContractName) setContractName(setting.privacyContractName);
      },
    });
  }, []);
  return { needsAuthorization, contractName };
}

/**
 * In WeChat the camera, the album and personal data sit behind the mini-program's privacy guide: while
 * the person has not agreed to it, the agree button is WeChat's own (`open-type="agreePrivacyAuthorization"`);
 * once agreed, `requirePrivacyAuthorize` confirms it and the flow goes on.
 */
export function PrivacyConsent(props: PrivacyConsentProps) {
  const { block, agreementName, heading, notice, agreeStatement, refusedMessage, agreeClassName, onAgree } = props;
  const { needsAuthorization, contractName } = usePrivacySetting(agreementName);
  const confirm = async () => {
    if (await requirePrivacyConsent(refusedMessage)) onAgree();
  };
  const buttonClass = `privacy-consent__button privacy-consent__button--native ${block}__button ${agreeClassName}`;
  return (
    <View className={`privacy-consent ${block}`}>
      <View className={`privacy-consent__card ${block}__card`}>
        <View className={`privacy-consent__heading ${block}__heading`}>{heading}</View>
        {notice}
        <Text className={`privacy-consent__link ${block}__link`} onClick={() => Taro.openPrivacyContract({})}>
          查看{contractName}
        </Text>
      </View>
      <View className={`privacy-consent__agree ${block}__agree`}>
        <Text className={`privacy-consent__label ${block}__label`}>{agreeStatement}</Text>
      </View>
      {needsAuthorization ? (
        <TaroButton className={buttonClass} openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={onAgree}>
          同意并继续
        </TaroButton>
      ) : (
        <TaroButton className={buttonClass} onClick={() => void confirm()}>
          同意并继续
        </TaroButton>
      )}
    </View>
  );
}
