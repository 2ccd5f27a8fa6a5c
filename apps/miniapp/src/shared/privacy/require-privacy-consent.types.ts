/**
 * Consent to the mini-program's privacy guide before personal data is sent; false (after saying why, in
 * `refusedMessage`) when the person refuses. require-privacy-consent.weapp.ts / .h5.ts.
 */
export type RequirePrivacyConsent = (refusedMessage: string) => Promise<boolean>;
