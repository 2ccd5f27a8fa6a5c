import { api } from '../api/client';
import type { MerchantRefund } from '../api/types';

/**
 * Owner only, audited by the server; `requestId` is made once per refund dialog, so a double
 * submit (or a retry after a lost answer) refunds once.
 */
export function refundOrder(
  orderId: number,
  body: { amountFen: number; reason: string; requestId: string },
): Promise<MerchantRefund> {
  return api<MerchantRefund>(`/api/merchant/orders/${orderId}/refunds`, { method: 'POST', body });
}

/** 16 letters and digits from the browser's CSPRNG: the refund dialog's request id. */
export function newRequestId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
