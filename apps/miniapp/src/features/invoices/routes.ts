/** Pages of the invoices subpackage. */
export const INVOICE_ROUTES = {
  index: '/invoices/pages/index/index',
  detail: (id: number) => `/invoices/pages/detail/index?id=${id}`,
  qr: '/invoices/pages/qr/index',
} as const;
