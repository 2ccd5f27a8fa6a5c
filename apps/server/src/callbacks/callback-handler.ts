import { SignatureVerificationError, VendorError } from '@banshi/vendor-clients';
import type { EntityManager } from 'typeorm';
import type { RawCallback } from './vendor-event.entity.js';

/** What the vendor gets back: its own acknowledgement format, or a failure that makes it retry. */
export interface CallbackAnswer {
  status: number;
  body: unknown;
}

export interface VerifiedCallback<E> {
  /** Identifies this vendor event across repeats, e.g. `zjz:<order_no>:<status>`. */
  dedupeKey: string;
  event: E;
  /** For the log and the merchant console; masked before it is stored. */
  summary?: unknown;
}

export interface ApplyResult {
  orderId?: number | null;
  /** `transitioned`, `stale`, `no_change`, `no_order` … shown to the merchant. */
  outcome: string;
  /**
   * Work the change allows once it is committed (sending a refund it recorded), run after the
   * commit and before the answer, without being waited for. Absent for most events: the callback
   * path then starts no background work.
   */
  afterCommit?: () => void;
}

/**
 * One vendor callback route's protocol. The inbox owns the storing, deduplicating, transaction and
 * answering; a handler only knows how to verify its vendor's request, what the event changes, and
 * how its vendor wants to be answered.
 */
export interface CallbackHandler<E = unknown, P = unknown> {
  readonly vendor: string;
  readonly topic: string;
  /** Throws (`SignatureVerificationError`, a format error …) when the request is not genuine. */
  verify(raw: RawCallback): Promise<VerifiedCallback<E>> | VerifiedCallback<E>;
  /** Slow work outside the transaction (downloading result files); skipped for known repeats. */
  prepare?(event: E): Promise<P>;
  /** The state change, inside the inbox's transaction. Throwing rolls everything back. */
  apply(
    event: E,
    context: { manager: EntityManager; vendorEventId: number; prepared: P | undefined },
  ): Promise<ApplyResult>;
  acknowledge(): CallbackAnswer;
  /** Could not store or apply: the vendor should try again later. */
  failure(reason: string): CallbackAnswer;
  /**
   * Not genuine, or genuine but unreadable: stored as rejected, never applied. The error tells a
   * bad signature from a malformed body, so the answer can say which (a 401 about the signature
   * is wrong for a correctly signed body that is malformed).
   */
  rejection(reason: string, error?: unknown): CallbackAnswer;
}

/**
 * A genuine (or unauthenticated but readable) request whose body is not the documented shape: a
 * vendor parser's format error. Signature errors and unknown tokens are not: they answer 401/403.
 */
export function isMalformedCallback(error: unknown): boolean {
  return error instanceof VendorError && !(error instanceof SignatureVerificationError);
}
