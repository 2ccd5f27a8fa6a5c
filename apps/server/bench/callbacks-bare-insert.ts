import type { Server } from 'node:http';
import type { Pool } from 'mysql2/promise';
import type { DocloudCredentials } from '../src/vehicles/callbacks/docloud-credentials.js';
import { bareServer, verifiedDocloudOrder } from './bare-server.js';

/** The first baseline's table, made by the bench before its handlers start. */
export const BARE_INBOX_TABLE = `CREATE TABLE IF NOT EXISTS bench_bare_inbox (
  id INT AUTO_INCREMENT PRIMARY KEY,
  vendor VARCHAR(32) NOT NULL, topic VARCHAR(32) NOT NULL,
  dedupe_key VARCHAR(191) NULL UNIQUE, status VARCHAR(16) NOT NULL,
  raw TEXT NOT NULL, received_at DATETIME(3) NOT NULL
) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

/** The floor: signature check and one autocommitted insert, nothing else. */
export function bareInsertServer(pool: Pool, credentials: DocloudCredentials): Server {
  return bareServer(async (request, body, response) => {
    const data = verifiedDocloudOrder(request, body, response, credentials);
    if (!data) return;
    await pool.execute(
      'INSERT INTO bench_bare_inbox (vendor, topic, dedupe_key, status, raw, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ['docloud', 'order', `docloud:order:${data.orderId}:${data.orderStatus}`, 'applied', body, new Date()],
    );
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
  });
}
