/** Pages of the identity subpackage. */
export const IDENTITY_ROUTES = {
  index: '/identity/pages/index/index',
  verify: '/identity/pages/verify/index',
  result: (id: number) => `/identity/pages/result/index?id=${id}`,
} as const;
