import type { AuthenticatedMerchant } from './auth-tokens.js';

/** Every action the audit log knows; the console filters and labels by this list (a new one is a type error there). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'callback_replay',
  'order_status_query',
  'orders_export',
  'account_create',
  'account_update',
  'password_change_failed',
  'prices_update',
  'order_refund',
  'reconciliation_rerun',
  'outgoing_call_settle',
  'order_adopt_vendor_id',
  'order_close',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Where merchant actions are written down (the merchant console's audit log provides it). Auth,
 * payments and inspection depend only on this interface: they record without knowing the log's module.
 */
export interface MerchantAuditEntry {
  merchant: { id: number; username: string };
  action: AuditAction;
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
    action: AuditAction,
    target: string,
    details: unknown,
    ip: string | undefined,
  ): Promise<void>;
}

export const MERCHANT_AUDIT = Symbol('MERCHANT_AUDIT');
