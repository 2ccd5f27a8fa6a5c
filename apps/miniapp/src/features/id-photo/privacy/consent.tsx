import { PrivacyConsent } from '../../../shared/privacy/privacy-consent';
import { PrivacyNotice } from './privacy-notice';

export const AGREEMENT_NAME = '《证件照回执服务说明与隐私保护指引》';

interface ConsentProps {
  /** Days after the order ends until photos and receipts are deleted. */
  retentionDays?: number;
  onAgree: () => void;
}

/** The privacy step before the receipt form asks for name, ID number, phone and address. */
export function Consent({ retentionDays, onAgree }: ConsentProps) {
  return (
    <PrivacyConsent
      block="id-photo-privacy"
      agreementName={AGREEMENT_NAME}
      heading={`填写信息前，请阅读${AGREEMENT_NAME}`}
      notice={<PrivacyNotice retentionDays={retentionDays} />}
      agreeStatement="点击“同意并继续”，即表示您已阅读并同意上述说明"
      refusedMessage="需要同意隐私保护指引后才能填写"
      checkboxClassName="id-photo-consent-checkbox"
      agreeClassName="id-photo-consent-agree"
      onAgree={onAgree}
    />
  );
}
