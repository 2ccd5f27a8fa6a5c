import type { DataSource } from 'typeorm';
import { OrdersService } from '../../src/orders/orders.service.js';
import { KIND_LABELS, type OrderKind, type OrderStep } from '../../src/orders/order-status.js';
import type { Order } from '../../src/orders/order.entity.js';
import { User } from '../../src/users/user.entity.js';
import { Transactions } from '../../src/database/transactions.js';
import type { TestApp } from './test-app.js';

export async function userIdOf(t: TestApp, token: string): Promise<number> {
  const me = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
  return me.body.id as number;
}

export async function seedOrder(
  t: TestApp,
  userId: number,
  kind: OrderKind = 'id_photo',
  step: OrderStep = { status: 'pending', vendorStatus: '1', progress: 10 },
  vendorRef: string | null = null,
): Promise<Order> {
  const orders = t.app.get(OrdersService);
  return t.app
    .get(Transactions)
    .run((manager) =>
      orders.create(
        manager,
        { kind, userId, title: `${KIND_LABELS[kind]}（测试）`, amountFen: 700, vendorRef, step },
        { actor: 'user', message: '创建订单' },
      ),
    );
}

export async function rawUserRow(dataSource: DataSource, id: number): Promise<Record<string, unknown>> {
  const [row] = await dataSource.query(`SELECT * FROM users WHERE id = ${Number(id)}`);
  return row as Record<string, unknown>;
}

export { User };
