import { createPool } from 'mysql2/promise';
import { bareInsertServer } from './callbacks-bare-insert.js';
import { bareTransactionServer } from './callbacks-bare-transaction.js';

/**
 * One bare baseline as a process of its own, so that it runs the way our server does in the bench
 * (one process per instance, two of them behind nginx): `node callbacks-bare-main.js <insert|transaction> <port>`,
 * with `BENCH_MYSQL_URL` and the Docloud key and secret in `BENCH_DOCLOUD_KEY` / `BENCH_DOCLOUD_SECRET`.
 * Prints `listening` once it accepts requests; SIGTERM closes it.
 */
function main(): void {
  const [mode, port] = process.argv.slice(2);
  const url = process.env.BENCH_MYSQL_URL;
  const credentials = {
    appKey: process.env.BENCH_DOCLOUD_KEY ?? '',
    appSecret: process.env.BENCH_DOCLOUD_SECRET ?? '',
  };
  if (!url || !['insert', 'transaction'].includes(mode) || !Number(port)) {
    throw new Error('usage: BENCH_MYSQL_URL=… callbacks-bare-main.js <insert|transaction> <port>');
  }
  // The same pool size as our server's (`data-source-options.ts`).
  const pool = createPool({ uri: url, connectionLimit: 20 });
  const server = mode === 'insert' ? bareInsertServer(pool, credentials) : bareTransactionServer(pool, credentials);
  server.listen(Number(port), '127.0.0.1', () => console.log('listening'));
  process.once('SIGTERM', () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

main();
