/** Consent to the mini-program's privacy guide before personal data is sent (privacy.weapp.ts / privacy.h5.ts). */
export type EnsurePrivacyConsent = () => Promise<boolean>;

export const VEHICLE_AGREEMENT = '《车辆信息使用说明》';
