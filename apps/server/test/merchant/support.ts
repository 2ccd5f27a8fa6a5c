import { SignatureVerificationError } from '@banshi/vendor-clients';
import type { DataSource } from 'typeorm';
import type { CallbackHandler } from '../../src/callbacks/callback-handler.js';
import type { RawCallback } from '../../src/callbacks/vendor-event.entity.js';
import { piiCipher } from '../../src/common/crypto/pii-cipher.js';
import { ORDER_KINDS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '../../src/orders/order-status.js';
import { Order } from '../../src/orders/order.entity.js';
import type { OrdersService } from '../../src/orders/orders.service.js';
import { User } from '../../src/users/user.entity.js';
import type { TestApp } from '../support/test-app.js';

/** A small seeded PRNG (mulberry32): the same data on every run and on both databases. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededUser {
  id: number;
  phone: string;
}

export interface SeededOrder {
  id: number;
  orderNo: string;
  kind: OrderKind;
  status: OrderStatus;
  userId: number;
  phoneLast4: string;
  vendorRef: string | null;
  amountFen: number;
  createdAt: Date;
  statusChangedAt: Date;
}

/** Users with phones; every phone's last four digits are shared with another user's. */
export async function seedUsers(dataSource: DataSource, count: number, prefix: string): Promise<SeededUser[]> {
  const now = new Date();
  const rows = Array.from({ length: count }, (_, i) => {
    // 138xxxx and 139xxxx pairs end in the same four digits.
    const phone = `13${8 + (i % 2)}${String(4000 + i).padStart(4, '0')}${String(1000 + Math.floor(i / 2)).padStart(4, '0')}`;
    return {
      openid: `${prefix}-openid-${i}`,
      nickname: `用户${i}`,
      phone,
      phoneIndex: piiCipher().blindIndex(phone),
      phoneLast4: phone.slice(-4),
      createdAt: now,
      updatedAt: now,
    };
  });
  await dataSource.createQueryBuilder().insert().into(User).values(rows).updateEntity(false).execute();
  const stored = await dataSource
    .getRepository(User)
    .createQueryBuilder('u')
    .where('u.openid LIKE :prefix', { prefix: `${prefix}-openid-%` })
    .getMany();
  return stored.map((user) => ({ id: user.id, phone: user.phone as string }));
}

/**
 * Orders of every kind and status spread over the China days of January 2025, inserted in bulk.
 * Many share a creation time to the millisecond (the id must break ties), some sit exactly on a
 * day boundary, and a few share one vendor reference.
 */
export async function seedOrders(
  dataSource: DataSource,
  users: SeededUser[],
  count: number,
  prefix: string,
  seed = 42,
): Promise<SeededOrder[]> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const windowStart = Date.parse('2025-01-01T00:00:00+08:00');
  const rows = Array.from({ length: count }, (_, i) => {
    const user = pick(users);
    // Minutes only: orders pile up on the same instant. Every 50th is on a China midnight.
    const createdAt =
      i % 50 === 0
        ? new Date(windowStart + Math.floor(next() * 30) * 86_400_000)
        : new Date(windowStart + Math.floor(next() * 30 * 24 * 60) * 60_000);
    const status = pick(ORDER_STATUSES);
    const statusChangedAt = new Date(createdAt.getTime() + Math.floor(next() * 48 * 3600) * 1000 + 123);
    const kind = ORDER_KINDS[i % ORDER_KINDS.length];
    return {
      orderNo: `${prefix}${String(i).padStart(8, '0')}`,
      kind,
      status,
      vendorStatus: status,
      // Only invoice scans share a vendor reference (the bills of one photo); any other kind's is unique.
      vendorRef: kind === 'invoice_scan' && i % 7 === 0 ? `${prefix}-SHARED` : i % 3 === 0 ? `${prefix}-VR-${i}` : null,
      progress: 10,
      amountFen: 100 + Math.floor(next() * 5000),
      title: `批量订单 ${i}`,
      userId: user.id,
      createdAt,
      updatedAt: statusChangedAt,
      statusChangedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(Order)
      .values(rows.slice(i, i + 500))
      .updateEntity(false)
      .execute();
  }
  const ids = await dataSource
    .getRepository(Order)
    .createQueryBuilder('o')
    .select(['o.id', 'o.orderNo'])
    .where('o.order_no LIKE :prefix', { prefix: `${prefix}%` })
    .getMany();
  const idOf = new Map(ids.map((row) => [row.orderNo, row.id]));
  const phoneOf = new Map(users.map((user) => [user.id, user.phone]));
  return rows.map((row) => ({
    id: idOf.get(row.orderNo) as number,
    orderNo: row.orderNo,
    kind: row.kind,
    status: row.status,
    userId: row.userId,
    phoneLast4: (phoneOf.get(row.userId) as string).slice(-4),
    vendorRef: row.vendorRef,
    amountFen: row.amountFen,
    createdAt: row.createdAt,
    statusChangedAt: row.statusChangedAt,
  }));
}

export function byTime(direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: { createdAt: Date; id: number }, b: { createdAt: Date; id: number }) =>
    sign * (a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

export interface ListedOrder {
  id: number;
  orderNo: string;
  kind: OrderKind;
  status: OrderStatus;
  userId: number;
  vendorRef: string | null;
  createdAt: string;
}

/** Follows `nextCursor` to the end of the merchant list; answers every row and the number of pages. */
export async function listAll(
  t: TestApp,
  token: string,
  query: Record<string, string | number>,
): Promise<{ items: ListedOrder[]; pages: number }> {
  const items: ListedOrder[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: { body: { items: ListedOrder[]; nextCursor: string | null } } = await t.http
      .get('/api/merchant/orders')
      .query({ limit: 100, ...query, ...(cursor ? { cursor } : {}) })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    pages++;
    if (pages > 1000) throw new Error('the list never ends');
  } while (cursor);
  return { items, pages };
}

export interface TestEvent {
  ref: string;
  status: number;
}

/**
 * A vendor protocol made for the tests (as in the inbox suite): `sign` must be "good"; status 2
 * is processing, 3 completed. `failApply` makes the next applies throw after the order changed,
 * with a message that carries an ID number (the console must mask it).
 */
export function testVendorHandler(orders: OrdersService, knobs: { failApply: number }): CallbackHandler<TestEvent> {
  const steps: Record<number, { status: 'processing' | 'completed'; progress: number }> = {
    2: { status: 'processing', progress: 20 },
    3: { status: 'completed', progress: 30 },
  };
  return {
    vendor: 'testvendor',
    topic: 'order',
    verify(raw: RawCallback) {
      const body = JSON.parse(raw.body) as TestEvent & { sign: string };
      if (body.sign !== 'good') throw new SignatureVerificationError('testvendor', 'bad sign');
      return { dedupeKey: `testvendor:${body.ref}:${body.status}`, event: { ref: body.ref, status: body.status } };
    },
    async apply(event, { manager, vendorEventId }) {
      const order = await orders.findByVendorRef(manager, 'id_photo', event.ref);
      if (!order) return { outcome: 'no_order' };
      const result = await orders.applyStep(
        manager,
        order.id,
        { ...steps[event.status], vendorStatus: String(event.status) },
        { actor: 'vendor', message: `status ${event.status}`, vendorEventId },
      );
      if (knobs.failApply > 0) {
        knobs.failApply--;
        throw new Error('lookup of 110101199003071233 timed out');
      }
      return { orderId: order.id, outcome: result.applied ? 'transitioned' : result.reason };
    },
    acknowledge: () => ({ status: 200, body: { ok: true } }),
    failure: (reason) => ({ status: 503, body: { ok: false, reason } }),
    rejection: (reason) => ({ status: 401, body: { ok: false, reason } }),
  };
}

export function rawCallback(body: object): RawCallback {
  return {
    method: 'POST',
    path: '/api/callbacks/testvendor',
    params: {},
    query: '',
    headers: {},
    body: JSON.stringify(body),
  };
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
