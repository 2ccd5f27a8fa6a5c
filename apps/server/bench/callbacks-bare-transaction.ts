import type { Server } from 'node:http';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { DocloudCredentials } from '../src/vehicles/callbacks/docloud-credentials.js';
import { bareServer, inTransaction, verifiedDocloudOrder, insertInboxRow } from './bare-server.js';

/**
 * The second baseline: what our callback transaction costs without NestJS, Express and TypeORM.
 * A bare `node:http` handler checks the same signature and runs, through `mysql2` directly, the
 * statements our route runs for one Docloud order callback — inbox insert under the dedupe key,
 * the order lookup and row lock, the order's payment (a prepaid order is refunded what the vendor
 * did not deliver), the status update, the timeline entry, the notice and the subscribe-message
 * outbox row for a final status, the detail update, the inbox outcome — in one transaction,
 * committed before answering.
 * ours / this baseline is the framework's share; this baseline / the one-insert handler is what
 * "stored, applied and committed before the acknowledgement" costs by itself.
 */
export function bareTransactionServer(pool: Pool, credentials: DocloudCredentials): Server {
  return bareServer(async (request, body, response) => {
    const data = verifiedDocloudOrder(request, body, response, credentials);
    if (!data) return;
    await inTransaction(pool, (connection) => applyInTransaction(connection, data, body));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
  });
}

async function applyInTransaction(
  connection: PoolConnection,
  data: { orderId: string; orderStatus: number },
  body: string,
): Promise<void> {
  const now = new Date();
  const inboxId = await insertInboxRow(
    connection,
    'docloud',
    'order',
    `docloud:order:${data.orderId}:${data.orderStatus}`,
    body,
    now,
  );
  const [details] = await connection.execute<RowDataPacket[]>(
    'SELECT id, order_id, user_id FROM violation_orders WHERE vendor_order_id = ?',
    [data.orderId],
  );
  const detail = details[0];
  const [orders] = await connection.execute<RowDataPacket[]>(
    'SELECT id, status, progress FROM orders WHERE id = ? FOR UPDATE',
    [detail.order_id],
  );
  await connection.execute('SELECT id, amount_fen, status FROM payments WHERE order_id = ? LIMIT 1', [detail.order_id]);
  const status = data.orderStatus === 3 ? 'completed' : 'processing';
  await connection.execute(
    'UPDATE orders SET status = ?, vendor_status = ?, progress = ?, updated_at = ? WHERE id = ?',
    [status, String(data.orderStatus), data.orderStatus * 10, now, orders[0].id],
  );
  await connection.execute(
    `INSERT INTO order_events (order_id, actor, type, from_status, to_status, vendor_status, message, payload,
       vendor_event_id, created_at) VALUES (?, 'vendor', 'status_changed', ?, ?, ?, ?, ?, ?, ?)`,
    [orders[0].id, orders[0].status, status, String(data.orderStatus), '服务商通知', body, inboxId, now],
  );
  if (data.orderStatus === 3) {
    await connection.execute(
      `INSERT INTO notices (user_id, kind, title, body, link, dedupe_key, read_at, created_at)
       VALUES (?, 'order_finished', '违章代缴已完成', '已办理完成', NULL, ?, NULL, ?)`,
      [detail.user_id, `bench:order:${orders[0].id}:3`, now],
    );
    await connection.execute(
      `INSERT INTO notification_outbox (dedupe_key, user_id, order_id, template_id, message, state, attempts,
         next_attempt_at, last_error, created_at, updated_at) VALUES (?, ?, ?, 'bench', ?, 'sent', 0, ?, NULL, ?, ?)`,
      [`bench:order:${orders[0].id}:3`, detail.user_id, orders[0].id, body, now, now, now],
    );
  }
  await connection.execute('UPDATE violation_orders SET vendor_status = ?, updated_at = ? WHERE id = ?', [
    data.orderStatus,
    now,
    detail.id,
  ]);
  await connection.execute("UPDATE vendor_events SET outcome = 'transitioned', order_id = ? WHERE id = ?", [
    orders[0].id,
    inboxId,
  ]);
}
