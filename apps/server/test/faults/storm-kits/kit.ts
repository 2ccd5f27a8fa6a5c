import type { DataSource } from 'typeorm';

/**
 * What the callback storm and the crash test need from each vendor callback route. A kit seeds the
 * state its callbacks act on (straight into the database, as the feature's service stores it),
 * builds genuine callbacks with the vendor package's own signing and encoding, forges bad ones,
 * breaks bodies, and finally compares the database with what an orderly delivery leaves.
 */
export interface StormKit {
  /** For the log lines, e.g. `zjz receipt`. */
  readonly name: string;
  /** Where its callbacks land in `vendor_events` (a forged one lands under the route it was sent to). */
  readonly vendor: string;
  readonly topics: readonly string[];
  /** Seeds the subjects and answers their genuine callbacks, `plan.genuine` in all. */
  prepare(plan: KitPlan): Promise<Sequence[]>;
  /** The `i`-th callback that is not genuine: a bad signature, an unknown or a misused token. */
  forge(i: number): VendorCallback;
  /** The `i`-th callback with genuine credentials and a body that is not the documented shape. */
  malformed(i: number): VendorCallback;
  /** The vendor's own rule for "the merchant has it" (anything else makes it retry). */
  isAcknowledged(status: number, text: string): boolean;
  /** Our answer to a callback that is not genuine. */
  isRejection(status: number, text: string): boolean;
  /** Our answer to a genuine callback whose body is not the documented shape: 400, saying what is wrong. */
  isMalformedAnswer(status: number, text: string): boolean;
  /**
   * What differs from the end state of an orderly delivery (empty when nothing does). With
   * `as-sent` the timeline must show each callback in the order it was sent; with `any` (the
   * vendor's retries decided the order) only that each left one mark.
   */
  check(arrival: 'as-sent' | 'any'): Promise<unknown[]>;
}

export interface KitPlan {
  genuine: number;
  /** How many sequences to send in the reverse of the vendor's order. */
  outOfOrder: number;
  /** Only subjects whose end state does not depend on the order their callbacks arrive in. */
  orderFree?: boolean;
}

/** One request as the vendor makes it; `path` is relative to the server and carries any query. */
export interface VendorCallback {
  path: string;
  body: string;
  contentType: string;
}

/** The genuine callbacks about one subject (an order, an upload, a car), in the order they are sent. */
export interface Sequence {
  callbacks: VendorCallback[];
  /**
   * Independent events the vendor sends at the same moment (several bills read from one photo):
   * sent side by side. Otherwise each waits for the previous one's answer, as vendors notify.
   */
  together?: boolean;
}

/** A sequence's callbacks with the rank of the step each one reports (higher is later). */
export interface Steps<C = VendorCallback> {
  callbacks: C[];
  ranks: number[];
  reversed: boolean;
}

/** Reverses the first `count` sequences of more than one step; throws when there are not enough. */
export function reverseSome<T extends Steps<unknown>>(plans: T[], count: number, reversible = (_: T) => true): void {
  let reversed = 0;
  for (const plan of plans) {
    if (reversed === count) break;
    if (plan.callbacks.length < 2 || !reversible(plan)) continue;
    plan.callbacks.reverse();
    plan.ranks.reverse();
    plan.reversed = true;
    reversed++;
  }
  if (reversed !== count) throw new Error(`only ${reversed} of ${count} sequences could be sent out of order`);
}

/**
 * The timeline marks callbacks arriving in this order leave: a step ahead of every earlier one
 * changes the status, one behind is recorded as stale.
 */
export function marksOf(ranks: number[]): Record<string, number> {
  const marks: Record<string, number> = {};
  let top = -Infinity;
  for (const rank of ranks) {
    const type = rank > top ? 'status_changed' : rank === top ? 'ignored_same' : 'ignored_stale';
    marks[type] = (marks[type] ?? 0) + 1;
    top = Math.max(top, rank);
  }
  return marks;
}

/** Whether an order's timeline fits its callbacks (see `StormKit.check`). */
export function marksFit(actual: Record<string, number>, ranks: number[], arrival: 'as-sent' | 'any'): boolean {
  if (arrival === 'as-sent') return canonical(actual) === canonical(marksOf(ranks));
  const types = Object.keys(actual).filter((type) => actual[type] > 0);
  const total = types.reduce((sum, type) => sum + actual[type], 0);
  return (
    total === ranks.length &&
    (actual.status_changed ?? 0) >= 1 &&
    types.every((type) => type === 'status_changed' || type === 'ignored_stale')
  );
}

export function canonical(value: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

export interface StoredOrder {
  id: number;
  orderNo: string;
  vendorRef: string | null;
  status: string;
  vendorStatus: string | null;
  /** Timeline marks by type, without `created`. */
  marks: Record<string, number>;
}

/** The orders whose number starts with `prefix`, with their timelines. */
export async function ordersWithPrefix(dataSource: DataSource, prefix: string): Promise<StoredOrder[]> {
  const orders = (await dataSource.query(
    `SELECT id, order_no AS orderNo, vendor_ref AS vendorRef, status, vendor_status AS vendorStatus
     FROM orders WHERE order_no LIKE ? ORDER BY id`,
    [`${prefix}%`],
  )) as Omit<StoredOrder, 'marks'>[];
  const marks = (await dataSource.query(
    `SELECT e.order_id AS id, e.type, COUNT(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id
     WHERE o.order_no LIKE ? AND e.type <> 'created' GROUP BY e.order_id, e.type`,
    [`${prefix}%`],
  )) as { id: number; type: string; n: number }[];
  const byOrder = new Map<number, Record<string, number>>();
  for (const m of marks) byOrder.set(Number(m.id), { ...byOrder.get(Number(m.id)), [m.type]: Number(m.n) });
  return orders.map((o) => ({ ...o, id: Number(o.id), marks: byOrder.get(Number(o.id)) ?? {} }));
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  // On a failure no new work starts, and the work in flight is waited for: a test that fails must
  // not leave requests running into its teardown (they would query a dropped database).
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length && !failure) {
        const at = next++;
        try {
          results[at] = await work(items[at]);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure) throw failure.error;
  return results;
}

/** How many posts met a reset connection and were sent again (the storm prints it). */
export const resends = { count: 0 };

/**
 * Posts one callback as a vendor does: a connection reset before any answer (a reused keep-alive
 * connection that the server was closing) is not an answer, so the callback is sent again; the
 * inbox makes a second delivery harmless. Any HTTP status is an answer and is returned as it is.
 */
export async function postAsVendor(
  url: string,
  body: string,
  contentType: string,
  attempts = 4,
): Promise<{ status: number; text: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if (attempt >= attempts || !isConnectionReset(error)) throw error;
      resends.count++;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

function isConnectionReset(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
  return ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code);
}

/** A JSON answer's field, or undefined when the answer is not a JSON object. */
export function fieldOf(text: string, name: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined;
  }
}

/** Deterministic pseudo-random numbers, so that a failing storm can be run again as it was. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}
