import type { EnsurePrivacyConsent } from './privacy.types';

/** A browser has no WeChat privacy authorisation: the form's own tick is the consent. */
export const ensurePrivacyConsent: EnsurePrivacyConsent = async () => true;
