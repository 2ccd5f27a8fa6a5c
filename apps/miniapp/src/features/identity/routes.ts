/** Pages of the identity subpackage. */
export const IDENTITY_ROUTES = {
  index: '/identity/pages/index/index',
  verify: '/identity/pages/verify/index',
  result: (id: number) => `/identity/pages/result/index?id=${id}`,
  /** A priced attempt: pay, then the photo (the H5 cashier comes back here). */
  attempt: (orderId: number) => `/identity/pages/attempt/index?id=${orderId}`,
} as const;
