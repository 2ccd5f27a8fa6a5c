/**
 * Pages of the merchant subpackage added by the console (the first three are in `shared/routes.ts`), and the
 * dashboard, a subpackage of its own (`merchant-dashboard`) for the size of its charts.
 */
export const MERCHANT_ROUTES = {
  dashboard: '/merchant-dashboard/pages/index/index',
  attention: '/merchant/pages/attention/index',
  accounts: '/merchant/pages/accounts/index',
  auditLog: '/merchant/pages/audit-log/index',
} as const;
