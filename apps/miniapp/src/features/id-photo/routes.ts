/** Pages of the id-photo subpackage. */
export const ID_PHOTO_ROUTES = {
  specs: '/id-photo/pages/index/index',
  /** Shooting for a spec; with `orderId`, a new photo for a rejected order. */
  shoot: (itemId: number, orderId?: number) =>
    `/id-photo/pages/shoot/index?itemId=${itemId}${orderId ? `&orderId=${orderId}` : ''}`,
  /** A new order from a photo, or (with `orderId`) the resubmission of a rejected one. */
  form: (query: { photoId?: number; color?: string; orderId?: number }) => {
    const pairs = Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
    return `/id-photo/pages/form/index?${pairs.join('&')}`;
  },
  order: (id: number) => `/id-photo/pages/order/index?id=${id}`,
} as const;
