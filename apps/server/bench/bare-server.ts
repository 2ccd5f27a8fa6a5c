import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { verifySignedQuery } from '@banshi/vendor-clients/docloud';
import type { Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';
import type { DocloudCredentials } from '../src/vehicles/callbacks/docloud-credentials.js';

/**
 * What the bare baselines share: a `node:http` server, the Docloud signature check and one
 * transaction through `mysql2`. Kept apart from `support.ts`, which loads NestJS: a baseline's
 * process runs without it.
 */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A baseline's server: `handle` answers each request with its body read; whatever it throws is a 500. */
export function bareServer(
  handle: (request: IncomingMessage, body: string, response: ServerResponse) => Promise<void>,
): Server {
  return createServer((request, response) => {
    void (async () => handle(request, await readBody(request), response))().catch(() => response.writeHead(500).end());
  });
}

/** A Docloud order callback's data if its signed query checks out; otherwise answered 401 here. */
export function verifiedDocloudOrder(
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
  credentials: DocloudCredentials,
): { orderId: string; orderStatus: number } | undefined {
  const url = request.url ?? '';
  try {
    verifySignedQuery(url.slice(url.indexOf('?') + 1), body, credentials.appKey, credentials.appSecret);
  } catch {
    response.writeHead(401, { 'content-type': 'application/json' }).end('{"success":false}');
    return undefined;
  }
  return (JSON.parse(body) as { data: { orderId: string; orderStatus: number } }).data;
}

/** `work` in one transaction on a connection of the pool, committed before this returns. */
export async function inTransaction(pool: Pool, work: (connection: PoolConnection) => Promise<void>): Promise<void> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    await work(connection);
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

/** The callback's inbox row, stored applied under its dedupe key as our inbox stores one: its id. */
export async function insertInboxRow(
  connection: PoolConnection,
  vendor: string,
  topic: string,
  dedupeKey: string,
  body: string,
  now: Date,
): Promise<number> {
  const [inserted] = await connection.execute<ResultSetHeader>(
    `INSERT INTO vendor_events (vendor, topic, dedupe_key, status, outcome, reason, order_id, raw_enc,
       payload_masked, repeat_count, attempts, received_at, updated_at)
     VALUES (?, ?, ?, 'applied', NULL, NULL, NULL, ?, ?, 0, 1, ?, ?)`,
    [vendor, topic, dedupeKey, body, body, now, now],
  );
  return inserted.insertId;
}
