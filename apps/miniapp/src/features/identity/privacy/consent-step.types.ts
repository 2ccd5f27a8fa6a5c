/** The consent step, one interface for both platforms (consent-step.weapp.tsx / consent-step.h5.tsx). */
export interface ConsentStepProps {
  /** Attempts a day, shown in the terms. */
  dailyLimit?: number;
  /** Called once the person agreed; nothing personal is asked for before. */
  onAgree: () => void;
}

export const AGREEMENT_NAME = '《实名认证服务说明与隐私保护指引》';
