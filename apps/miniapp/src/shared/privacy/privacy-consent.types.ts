import type { ReactNode } from 'react';

/** The privacy step before personal data is asked for; one interface for both platforms. */
export interface PrivacyConsentProps {
  /** The feature's block class beside `privacy-consent` (its layout, and what its tests select). */
  block: string;
  /** e.g. 《实名认证服务说明与隐私保护指引》 */
  agreementName: string;
  /** The line above the terms, e.g. `开始前请阅读${agreementName}`. */
  heading: string;
  /** What is collected, why, who gets it and when it goes away. */
  notice: ReactNode;
  /** H5: what follows 我已阅读并同意《…》 beside the tick, e.g. who the data goes to. */
  agreeLabelRest?: string;
  /** WeChat: what tapping the button means (WeChat's own authorisation is the tick there). */
  agreeStatement: string;
  /** WeChat: the toast when the person refuses the privacy guide. */
  refusedMessage: string;
  /** Test hooks on the tick and on the button. */
  checkboxClassName: string;
  agreeClassName: string;
  /** Called once the person agreed; nothing personal is asked for before. */
  onAgree: () => void;
}
