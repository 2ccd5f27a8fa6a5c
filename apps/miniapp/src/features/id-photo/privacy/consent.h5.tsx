import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AGREEMENT_NAME, type ConsentProps } from './consent.types';
import { PrivacyNotice } from './privacy-notice';
import './consent.scss';

/** In a browser the consent is an explicit tick under the terms; the button waits for it. */
export function Consent({ retentionDays, onAgree }: ConsentProps) {
  const [agreed, setAgreed] = useState(false);
  return (
    <View className="id-photo-privacy">
      <View className="id-photo-privacy__card">
        <View className="id-photo-privacy__heading">填写信息前，请阅读{AGREEMENT_NAME}</View>
        <PrivacyNotice retentionDays={retentionDays} />
      </View>
      <View className="id-photo-privacy__agree">
        <Checkbox className="id-photo-consent-checkbox" checked={agreed} onChange={setAgreed} />
        <Text className="id-photo-privacy__label" onClick={() => setAgreed(!agreed)}>
          我已阅读并同意{AGREEMENT_NAME}
        </Text>
      </View>
      <Button
        className="id-photo-privacy__button id-photo-consent-agree"
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
