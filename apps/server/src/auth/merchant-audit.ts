import type { AuthenticatedMerchant } from './auth-tokens.js';

/**
 * Where merchant actions are written down (the merchant console's audit log provides it). Auth,
 * payments and inspection depend only on this interface: they record without knowing the log's module.
 */
export interface MerchantAuditEntry {
  merchant: { id: number; username: string };
  /** `login`, `login_failed`, `callback_replay`, `order_status_query`, `orders_export`, … */
  action: string;
  /** What the action was on, e.g. `order:12`. */
  target?: string;
  /** Masked before it is stored. */
  details?: unknown;
  ip?: string;
}

export interface MerchantAuditSink {
  record(entry: MerchantAuditEntry): Promise<void>;
  /** Records an action of the signed-in merchant (its name is read from the account). */
  recordFor(
    merchant: AuthenticatedMerchant,
    action: string,
    target: string,
    details: unknown,
    ip: string | undefined,
  ): Promise<void>;
}

export const MERCHANT_AUDIT = Symbol('MERCHANT_AUDIT');
