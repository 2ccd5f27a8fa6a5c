import { buildSignedQuery } from '@banshi/vendor-clients/docloud';
import type { DataSource } from 'typeorm';
import { Order } from '../../src/orders/order.entity.js';
import {
  DOCLOUD_CALLBACK_CREDENTIALS,
  type DocloudCredentials,
} from '../../src/vehicles/callbacks/docloud-credentials.js';
import { ViolationOrder } from '../../src/vehicles/entities/violation-order.entity.js';
import type { TestApp } from '../support/test-app.js';

export const ORDER_CALLBACK_PATH = '/api/callbacks/docloud/order';

export function docloudCredentials(t: Pick<TestApp, 'app'>): DocloudCredentials {
  return t.app.get<symbol, DocloudCredentials>(DOCLOUD_CALLBACK_CREDENTIALS);
}

/**
 * Credit violation-payment orders already created at Docloud (status 1, progress 20), stored the
 * way the vehicles module stores them: an `orders` row and its `violation_orders` detail.
 */
export async function seedCreatedOrders(dataSource: DataSource, tag: string, count: number): Promise<string[]> {
  const vendorIds: string[] = [];
  const now = new Date();
  for (let offset = 0; offset < count; offset += 200) {
    const numbers = Array.from({ length: Math.min(200, count - offset) }, (_, i) => offset + i);
    const orders = numbers.map((i) => ({
      orderNo: `ST${tag}${String(i).padStart(8, '0')}`,
      kind: 'violation_payment' as const,
      status: 'pending' as const,
      vendorStatus: '1',
      progress: 20,
      vendorRef: `${tag}${i}`,
      amountFen: 20_000,
      title: '违章代缴（测试）',
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
        idempotencyKey: `storm-${tag}-${i}`,
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

export interface SignedCallback {
  path: string;
  body: string;
}

/** A genuine 《订单状态变更通知》 for one order and status, signed as Docloud signs it. */
export function orderCallback(credentials: DocloudCredentials, vendorId: string, status: number): SignedCallback {
  const body = JSON.stringify({
    success: true,
    data: { orderId: vendorId, orderStatus: status, orderStatusTime: '2026-11-23 08:00:00', violations: [] },
  });
  return {
    path: `${ORDER_CALLBACK_PATH}?${buildSignedQuery({}, credentials.appKey, credentials.appSecret, body)}`,
    body,
  };
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const at = next++;
        results[at] = await work(items[at]);
      }
    }),
  );
  return results;
}
