/**
 * Console words besides kinds and statuses: the mini-program's merchant tables, one source for both
 * merchant UIs (kinds and statuses come from the mini-program's shared labels the same way).
 */
export {
  AUDIT_ACTIONS,
  auditActionLabel,
  callbackStatusLabel,
  formatMinutes,
  formatRate,
  ROLE_LABELS,
  vendorLabel,
} from '@miniapp-features/merchant/labels';
