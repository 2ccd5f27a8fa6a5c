/**
 * How a payment attempt ended, as far as this page can tell: `paid` (the server confirmed it),
 * `unpaid` (not confirmed yet: the server keeps asking WeChat Pay), `cancelled` (the user closed the
 * sheet), `redirected` (H5: the browser went to the cashier and comes back to the order page).
 */
export type PayResult = 'paid' | 'unpaid' | 'cancelled' | 'redirected';

/** The one interface of the per-platform payment files (`pay.weapp.ts`, `pay.h5.ts`). */
export type PayOrder = (orderNo: string) => Promise<PayResult>;
