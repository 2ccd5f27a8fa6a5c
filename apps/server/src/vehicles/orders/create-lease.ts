/**
 * The lease held while an order's attempt is stored and the vendor's create call is under way: a
 * callback for an order not recorded yet reads it to tell a create still in flight (the vendor's
 * answer is on its way) from one whose answer was lost.
 */
export function createLeaseName(userId: number, idempotencyKey: string): string {
  return `vehicles:order-create:${userId}:${idempotencyKey}`;
}

/** Long enough for the vendor's create call with its retries; a second request with the key waits this long. */
export const CREATE_LEASE_MS = 60_000;
export const CREATE_WAIT_MS = 45_000;
