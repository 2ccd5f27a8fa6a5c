import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PrivacyConsentProps } from './privacy-consent.types';
import './privacy-consent.scss';

/**
 * In a browser there is no WeChat privacy authorisation: the equivalent is an explicit tick under the
 * terms, and the button stays disabled until it is given.
 */
export function PrivacyConsent(props: PrivacyConsentProps) {
  const { block, agreementName, heading, notice, agreeLabelRest, checkboxClassName, agreeClassName, onAgree } = props;
  const [agreed, setAgreed] = useState(false);
  return (
    <View className={`privacy-consent ${block}`}>
      <View className={`privacy-consent__card ${block}__card`}>
        <View className={`privacy-consent__heading ${block}__heading`}>{heading}</View>
        {notice}
      </View>
      <View className={`privacy-consent__agree privacy-consent__agree--row ${block}__agree`}>
        <Checkbox className={`privacy-consent__checkbox ${checkboxClassName}`} checked={agreed} onChange={setAgreed} />
        <Text className={`privacy-consent__label ${block}__label`} onClick={() => setAgreed(!agreed)}>
          我已阅读并同意{agreementName}
          {agreeLabelRest}
        </Text>
      </View>
      <Button
        className={`privacy-consent__button ${block}__button ${agreeClassName}`}
        type="primary"
        block
        disabled={!agreed}
        onClick={onAgree}
      >
        同意并继续
      </Button>
    </View>
  );
}
