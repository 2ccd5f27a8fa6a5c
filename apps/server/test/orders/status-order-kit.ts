import type { StatusOrder } from '@banshi/vendor-clients';
import { Transactions } from '../../src/database/transactions.js';
import { FINAL_STATUSES, type OrderKind, type OrderStep } from '../../src/orders/order-status.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { seedOrder } from '../support/orders.js';
import type { TestApp } from '../support/test-app.js';

/** One vendor's statuses as its callback handler turns them into order steps. */
export interface VendorCase<S extends string | number> {
  name: string;
  order: StatusOrder<S>;
  kind: OrderKind;
  /** The statuses the vendor sends (its callbacks or answers). */
  delivered: readonly S[];
  /** Where an order is before the vendor's first notice. */
  start: OrderStep;
  /** The step the handler makes of a status (the handler's own step function). */
  step(status: S): OrderStep;
}

interface Delivery {
  /** Order status and vendor status after each notice. */
  states: string[];
  /** The user's timeline: step kind, from, to and message. */
  user: string[];
  /** The vendor statuses that changed the order, in the order they did. */
  applied: string[];
}

/**
 * Delivers every ordered sequence of two and three of a vendor's statuses (repeats included), each
 * to an order of its own, through `OrdersService.applyStep` with the handler's steps, and checks:
 * a terminal status never changes; what is applied is one path of the status order, forward only;
 * and where the statuses lie on one path, the end state equals the orderly delivery's (each once,
 * in the status order) and the user's timeline equals the orderly delivery of those that were not
 * late (a late notice leaves no trace in it; without late ones it is the orderly timeline itself).
 * Answers how many sequences were tried and how many lay on one path.
 */
export async function checkStatusOrder<S extends string | number>(
  t: TestApp,
  userId: number,
  vendor: VendorCase<S>,
): Promise<{ tried: number; onePath: number }> {
  const orderly = new Map<string, Delivery>();
  const orderlyOf = async (statuses: S[]) => {
    const key = statuses.join(',');
    if (!orderly.has(key)) orderly.set(key, await deliver(t, userId, vendor, statuses));
    return orderly.get(key)!;
  };
  let onePath = 0;
  const sequences = sequencesOf(vendor.delivered, 2).concat(sequencesOf(vendor.delivered, 3));
  for (const sequence of sequences) {
    const got = await deliver(t, userId, vendor, sequence);
    const where = `${vendor.name} [${sequence.join(', ')}]`;
    expectTerminalKept(vendor, sequence, got, where);
    expectOnePathForward(vendor.order, got.applied, where);
    if (!vendor.order.isOnePath(sequence)) continue;
    onePath++;
    const all = await orderlyOf(vendor.order.orderly(sequence));
    expect({ where, end: got.states.at(-1) }).toEqual({ where, end: all.states.at(-1) });
    const onTime = await orderlyOf(vendor.order.orderly(notLate(vendor.order, sequence)));
    expect({ where, user: got.user }).toEqual({ where, user: onTime.user });
  }
  return { tried: sequences.length, onePath };
}

function sequencesOf<S>(statuses: readonly S[], length: number): S[][] {
  if (length === 0) return [[]];
  return sequencesOf(statuses, length - 1).flatMap((head) => statuses.map((status) => [...head, status]));
}

/** The statuses that arrived before any status that comes after them in the status order. */
function notLate<S extends string | number>(order: StatusOrder<S>, sequence: S[]): S[] {
  const kept: S[] = [];
  for (const status of sequence) {
    if (!kept.includes(status) && !kept.some((earlier) => order.mayFollow(status, earlier))) kept.push(status);
  }
  return kept;
}

async function deliver<S extends string | number>(
  t: TestApp,
  userId: number,
  vendor: VendorCase<S>,
  statuses: readonly S[],
): Promise<Delivery> {
  const orders = t.app.get(OrdersService);
  const transactions = t.app.get(Transactions);
  const { id } = await seedOrder(t, userId, vendor.kind, vendor.start);
  const states: string[] = [];
  for (const status of statuses) {
    const result = await transactions.run((manager) =>
      orders.applyStep(manager, id, vendor.step(status), { actor: 'vendor', message: `${vendor.name} ${status}` }),
    );
    states.push(`${result.order.status}/${result.order.vendorStatus}`);
  }
  const user = (await orders.getForUser(userId, id)).events.map(
    (e) => `${e.type}:${e.fromStatus}>${e.toStatus}:${e.message}`,
  );
  const applied = (await orders.timeline(id))
    .filter((e) => e.type === 'status_changed')
    .map((e) => String(e.vendorStatus));
  return { states, user, applied };
}

function expectTerminalKept<S extends string | number>(
  vendor: VendorCase<S>,
  sequence: S[],
  got: Delivery,
  where: string,
): void {
  const at = got.states.findIndex((state) => {
    const [status, vendorStatus] = state.split('/');
    const parsed = vendor.order.parse(vendorStatus);
    return (parsed !== undefined && vendor.order.terminal.has(parsed)) || FINAL_STATUSES.has(status as never);
  });
  if (at < 0) return;
  const after = got.states.slice(at);
  expect({ where, after }).toEqual({ where, after: after.map(() => got.states[at]) });
  expect(sequence.length).toBe(got.states.length);
}

function expectOnePathForward<S extends string | number>(
  order: StatusOrder<S>,
  applied: string[],
  where: string,
): void {
  const statuses = applied.map((text) => order.parse(text)).filter((status): status is S => status !== undefined);
  const forward = statuses.every((status, i) => i === 0 || order.mayFollow(statuses[i - 1], status));
  expect({ where, applied, forward }).toEqual({ where, applied, forward: true });
}
