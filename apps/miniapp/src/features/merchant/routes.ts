/** Pages of the merchant subpackage added by the console (the first three are in `shared/routes.ts`). */
export const MERCHANT_ROUTES = {
  dashboard: '/merchant/pages/dashboard/index',
  attention: '/merchant/pages/attention/index',
  accounts: '/merchant/pages/accounts/index',
  auditLog: '/merchant/pages/audit-log/index',
} as const;
