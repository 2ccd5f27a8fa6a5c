import type { INestApplicationContext } from '@nestjs/common';
import { buildSignedQuery, DOCLOUD_CALLBACK_ACK } from '@banshi/vendor-clients/docloud';
import type { DataSource } from 'typeorm';
import { Order } from '../../../src/orders/order.entity.js';
import {
  DOCLOUD_CALLBACK_CREDENTIALS,
  type DocloudCredentials,
} from '../../../src/vehicles/callbacks/docloud-credentials.js';
import { ViolationOrder } from '../../../src/vehicles/entities/violation-order.entity.js';
import {
  fieldOf,
  marksFit,
  ordersWithPrefix,
  reverseSome,
  type KitPlan,
  type Sequence,
  type Steps,
  type StormKit,
  type VendorCallback,
} from './kit.js';

// Also compiled into the callbacks bench (tsconfig.bench.json): nothing here may import test support.

export const ORDER_CALLBACK_PATH = '/api/callbacks/docloud/order';
const JSON_TYPE = 'application/json;charset=utf-8';

export function docloudCredentials(app: INestApplicationContext): DocloudCredentials {
  return app.get<symbol, DocloudCredentials>(DOCLOUD_CALLBACK_CREDENTIALS);
}

/**
 * Credit violation-payment orders already created at Docloud (status 1, progress 20), stored the
 * way the vehicles module stores them: an `orders` row and its `violation_orders` detail. Order
 * numbers are `<prefix><8 digits>`, Docloud's order ids `<prefix><n>`; answers the ids.
 */
export async function seedCreatedOrders(
  dataSource: DataSource,
  prefix: string,
  count: number,
  title = '违章代缴（测试）',
): Promise<string[]> {
  const vendorIds: string[] = [];
  const now = new Date();
  for (let offset = 0; offset < count; offset += 200) {
    const numbers = Array.from({ length: Math.min(200, count - offset) }, (_, i) => offset + i);
    const orders = numbers.map((i) => ({
      orderNo: `${prefix}${String(i).padStart(8, '0')}`,
      kind: 'violation_payment' as const,
      status: 'pending' as const,
      vendorStatus: '1',
      progress: 20,
      vendorRef: `${prefix}${i}`,
      amountFen: 20_000,
      title,
      userId: 1,
      createdAt: now,
      updatedAt: now,
      statusChangedAt: now,
    }));
    const inserted = await dataSource.getRepository(Order).insert(orders);
    await dataSource.getRepository(ViolationOrder).insert(
      numbers.map((i, at) => ({
        orderId: Number(inserted.identifiers[at].id),
        userId: 1,
        carId: 1,
        idempotencyKey: `${prefix}-${i}`,
        outOrderNo: orders[at].orderNo,
        vendorOrderId: orders[at].vendorRef,
        state: 'created' as const,
        deductSelf: false,
        paymentMode: 'credit' as const,
        plateNumber: '浙A12345',
        vendorToken: null,
        items: [],
        fineFen: 20_000,
        serviceFeeFen: 0,
        markFeeFen: 0,
        totalFen: 20_000,
        refundFen: 0,
        payUrl: null,
        cancelReason: null,
        failureCode: null,
        failureMessage: null,
        vendorStatus: 1,
        lastVendorUpdateAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    vendorIds.push(...orders.map((order) => order.vendorRef));
  }
  return vendorIds;
}

/** A genuine 《订单状态变更通知》 for one order and status, signed as Docloud signs it. */
export function orderCallback(credentials: DocloudCredentials, vendorId: string, status: number): VendorCallback {
  const body = JSON.stringify({
    success: true,
    data: { orderId: vendorId, orderStatus: status, orderStatusTime: '2026-11-23 08:00:00', violations: [] },
  });
  return signed(credentials, ORDER_CALLBACK_PATH, body);
}

export function signed(credentials: DocloudCredentials, path: string, body: string): VendorCallback {
  const query = buildSignedQuery({}, credentials.appKey, credentials.appSecret, body);
  return { path: `${path}?${query}`, body, contentType: JSON_TYPE };
}

/** Bad signatures: a changed `sign`, or a body changed after signing. */
export function forgeSigned(genuine: VendorCallback, i: number, change: [string, string]): VendorCallback {
  if (i % 2 === 0) {
    return {
      ...genuine,
      path: genuine.path.replace(/sign=([0-9A-F])/, (_, c: string) => `sign=${c === '0' ? '1' : '0'}`),
    };
  }
  return { ...genuine, body: genuine.body.replace(change[0], change[1]) };
}

export const isDocloudAcknowledgement = (status: number, text: string) =>
  status === 200 && text.replace(/\s/g, '') === JSON.stringify(DOCLOUD_CALLBACK_ACK);

export const isDocloudRejection = (status: number, text: string) =>
  status === 401 && fieldOf(text, 'success') === false;

/** A signed body that is not the documented shape: 400, and a message that is not about the signature. */
export const isDocloudMalformedAnswer = (status: number, text: string) =>
  status === 400 && fieldOf(text, 'success') === false && !/signature/.test(String(fieldOf(text, 'message')));

interface OrderPlan extends Steps {
  vendorId: string;
}

/**
 * Docloud's order callbacks: most orders are paid (2) then done (3), every tenth is closed (4).
 * Out of order, "done" comes before "paid" and the late "paid" is recorded as stale.
 */
export class DocloudOrderKit implements StormKit {
  readonly name = 'docloud order';
  readonly vendor = 'docloud';
  readonly topics = ['order'];
  private plans: OrderPlan[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: DocloudCredentials,
    /** Order numbers and Docloud ids start with it: one per kit and database. */
    private readonly prefix: string,
  ) {}

  async prepare({ genuine, outOfOrder }: KitPlan): Promise<Sequence[]> {
    const statuses: number[][] = [];
    for (let j = 0, counted = 0; counted < genuine; j++) {
      const single = j % 10 === 9 || genuine - counted === 1;
      statuses.push(single ? [4] : [2, 3]);
      counted += single ? 1 : 2;
    }
    const ids = await seedCreatedOrders(this.dataSource, this.prefix, statuses.length);
    this.plans = statuses.map((sent, i) => ({
      vendorId: ids[i],
      ranks: sent,
      reversed: false,
      callbacks: sent.map((status) => orderCallback(this.credentials, ids[i], status)),
    }));
    reverseSome(this.plans, outOfOrder);
    return this.plans.map((plan) => ({ callbacks: plan.callbacks }));
  }

  forge(i: number): VendorCallback {
    const genuine = orderCallback(this.credentials, this.plans[i % this.plans.length].vendorId, 3);
    return forgeSigned(genuine, i, ['"orderStatus":3', '"orderStatus":4']);
  }

  malformed(i: number): VendorCallback {
    const garbage = [
      'not json at all',
      '{"success":true,"data":{}}',
      '{"success":true,"data":{"orderId":"x","orderStatus":9,"violations":[]}}',
      '{',
    ];
    return signed(this.credentials, ORDER_CALLBACK_PATH, garbage[i % garbage.length]);
  }

  isAcknowledged = isDocloudAcknowledgement;
  isRejection = isDocloudRejection;
  isMalformedAnswer = isDocloudMalformedAnswer;

  async check(arrival: 'as-sent' | 'any'): Promise<unknown[]> {
    const orders = new Map((await ordersWithPrefix(this.dataSource, this.prefix)).map((o) => [o.vendorRef, o]));
    const wrong: unknown[] = [];
    if (orders.size !== this.plans.length) wrong.push({ orders: orders.size, expected: this.plans.length });
    for (const plan of this.plans) {
      const order = orders.get(plan.vendorId);
      const last = Math.max(...plan.ranks);
      const expected = { status: last === 4 ? 'cancelled' : 'completed', vendorStatus: String(last) };
      const actual = { status: order?.status, vendorStatus: order?.vendorStatus };
      if (
        !order ||
        JSON.stringify(actual) !== JSON.stringify(expected) ||
        !marksFit(order.marks, plan.ranks, arrival)
      ) {
        wrong.push({ vendorId: plan.vendorId, sent: plan.ranks, expected, actual, marks: order?.marks });
      }
    }
    return wrong;
  }
}
