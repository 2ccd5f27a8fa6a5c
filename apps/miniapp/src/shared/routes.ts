/** Page URLs, so that a renamed page breaks the type check instead of a tap. */
export const ROUTES = {
  home: '/pages/index/index',
  orders: '/pages/orders/index',
  me: '/pages/me/index',
  orderDetail: (id: number) => `/pages/order/index?id=${id}`,
  messages: '/pages/messages/index',
  merchantLogin: '/merchant/pages/login/index',
  merchantOrders: '/merchant/pages/orders/index',
  merchantOrderDetail: (id: number) => `/merchant/pages/order-detail/index?id=${id}`,
} as const;

/** A route's numeric id parameter, or null when it is missing or not a positive integer. */
export function parseIdParam(value: string | undefined): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
