import type { RequirePrivacyConsent } from './require-privacy-consent.types';

/** A browser has no WeChat privacy authorisation: the page's own tick is the consent. */
export const requirePrivacyConsent: RequirePrivacyConsent = async () => true;
