import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { IdentityNotice } from '../components/identity-notice';
import { AGREEMENT_NAME, type ConsentStepProps } from './consent-step.types';
import './consent-step.scss';

/**
 * In a browser there is no WeChat privacy authorisation: the equivalent is an explicit tick under the
 * terms, and the button stays disabled until it is given.
 */
export function ConsentStep({ dailyLimit, onAgree }: ConsentStepProps) {
  const [agreed, setAgreed] = useState(false);
  return (
    <View className="consent-step">
      <View className="consent-step__card">
        <View className="consent-step__heading">开始前请阅读{AGREEMENT_NAME}</View>
        <IdentityNotice dailyLimit={dailyLimit} />
      </View>
      <View className="consent-step__agree consent-step__agree--row">
        <Checkbox className="consent-checkbox" checked={agreed} onChange={setAgreed} />
        <Text className="consent-step__label" onClick={() => setAgreed(!agreed)}>
          我已阅读并同意{AGREEMENT_NAME}，同意将姓名、身份证号和人脸照片提供给支付宝芝麻认证用于本次核验
        </Text>
      </View>
      <Button className="consent-step__button consent-agree" type="primary" block disabled={!agreed} onClick={onAgree}>
        同意并继续
      </Button>
    </View>
  );
}
