import type { Server } from 'node:http';
import {
  type NotificationKeys,
  verifyWechatPayNotification,
  type WechatPayNotificationEvent,
} from '@banshi/vendor-clients/wechatpay';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { bareServer, inTransaction, insertInboxRow } from './bare-server.js';

/**
 * The same-work baseline of the payments bench: a bare `node:http` handler that verifies the
 * notification's signature and decrypts its resource with the same vendor-package function, then
 * runs through `mysql2`, in one transaction committed before the 204, the statements our route
 * runs for a TRANSACTION.SUCCESS: inbox insert under the notification id, the payment's row lock
 * and its update to paid (service due), the order's lock, its step to 已支付 and the timeline
 * entry, the inbox outcome. It stops there: calling the vendor is our worker's part (the second
 * figure of the bench), which this baseline does not have.
 */
export function barePaymentServer(pool: Pool, keys: NotificationKeys): Server {
  return bareServer(async (request, body, response) => {
    let event: WechatPayNotificationEvent;
    try {
      event = verifyWechatPayNotification({ headers: request.headers, rawBody: body }, keys);
    } catch {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"code":"FAIL","message":"签名错误"}');
      return;
    }
    if (event.kind !== 'transaction') throw new Error('the bench sends payments only');
    await inTransaction(pool, (connection) => applyPaid(connection, event, body));
    response.writeHead(204).end();
  });
}

async function applyPaid(
  connection: PoolConnection,
  event: Extract<WechatPayNotificationEvent, { kind: 'transaction' }>,
  body: string,
): Promise<void> {
  const now = new Date();
  const inboxId = await insertInboxRow(connection, 'wechatpay', 'notify', `wechatpay:${event.id}`, body, now);
  const [payments] = await connection.execute<RowDataPacket[]>(
    'SELECT id, order_id, status, amount_fen FROM payments WHERE out_trade_no = ? FOR UPDATE',
    [event.outTradeNo],
  );
  const payment = payments[0];
  await connection.execute(
    `UPDATE payments SET status = 'paid', paid_fen = ?, transaction_id = ?, paid_at = ?, fulfilment = 'due',
       fulfil_next_at = ?, updated_at = ? WHERE id = ?`,
    [event.totalFen, event.transactionId, now, now, now, payment.id],
  );
  const [orders] = await connection.execute<RowDataPacket[]>(
    'SELECT id, status, progress FROM orders WHERE id = ? FOR UPDATE',
    [payment.order_id],
  );
  await connection.execute(
    `UPDATE orders SET status = 'processing', vendor_status = '已支付', progress = 2, updated_at = ?,
       status_changed_at = ? WHERE id = ?`,
    [now, now, orders[0].id],
  );
  await connection.execute(
    `INSERT INTO order_events (order_id, actor, type, from_status, to_status, vendor_status, message, payload,
       vendor_event_id, created_at) VALUES (?, 'vendor', 'status_changed', ?, 'processing', '已支付', ?, ?, ?, ?)`,
    [orders[0].id, orders[0].status, `已支付 ¥${(event.totalFen / 100).toFixed(2)}`, body, inboxId, now],
  );
  await connection.execute("UPDATE vendor_events SET outcome = 'paid', order_id = ? WHERE id = ?", [
    orders[0].id,
    inboxId,
  ]);
}
