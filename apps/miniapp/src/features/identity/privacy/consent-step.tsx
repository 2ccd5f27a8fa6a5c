import { PrivacyConsent } from '../../../shared/privacy/privacy-consent';
import { IdentityNotice } from '../components/identity-notice';

export const AGREEMENT_NAME = '《实名认证服务说明与隐私保护指引》';

interface ConsentStepProps {
  /** Attempts a day, shown in the terms. */
  dailyLimit?: number;
  /** Called once the person agreed; nothing personal is asked for before. */
  onAgree: () => void;
}

/** The terms of the verification, and the person's consent to hand name, number and face to Zhima. */
export function ConsentStep({ dailyLimit, onAgree }: ConsentStepProps) {
  return (
    <PrivacyConsent
      block="consent-step"
      agreementName={AGREEMENT_NAME}
      heading={`开始前请阅读${AGREEMENT_NAME}`}
      notice={<IdentityNotice dailyLimit={dailyLimit} />}
      agreeLabelRest="，同意将姓名、身份证号和人脸照片提供给支付宝芝麻认证用于本次核验"
      agreeStatement="点击“同意并继续”，即表示您同意将姓名、身份证号和人脸照片提供给支付宝芝麻认证用于本次核验"
      refusedMessage="需要同意隐私保护指引后才能认证"
      checkboxClassName="consent-checkbox"
      agreeClassName="consent-agree"
      onAgree={onAgree}
    />
  );
}
