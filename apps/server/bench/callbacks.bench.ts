import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { installPiiCipher, PiiCipher } from '../src/common/crypto/pii-cipher.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { ENTITIES } from '../src/entities.js';
import type { DocloudCredentials } from '../src/vehicles/callbacks/docloud-credentials.js';
import { orderCallback, seedCreatedOrders } from '../test/faults/storm-kits/docloud.js';
import { newSecrets, startVendors } from '../test/support/server-process.js';
import { BARE_INBOX_TABLE } from './callbacks-bare-insert.js';
import { startFleet, type FleetSetup, type Handler } from './callbacks-fleet.js';
import { figuresOf, printSideBySide, type Measured, type Run } from './callbacks-figures.js';
import { BENCH_MYSQL_URL, ensureDatabase, type Figure } from './support.js';

/** Callbacks per run (each a different order, so each one is applied, never a repeat). */
const COUNT = Number(process.env.BENCH_CALLBACKS ?? 4000);
const WARMUP = 300;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** Instance counts to measure, side by side: `BENCH_INSTANCES=1` for one instance only. */
const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);

/**
 * Docloud's order callback through our built server (signature, inbox insert, state transition,
 * commit, acknowledgement) under autocannon, against two bare `node:http` + `mysql2` handlers in
 * the same run: one does the signature check and one insert, the other the statements our route
 * runs (`callbacks-bare-transaction.ts`). Each runs as its own processes, one instance, then two
 * behind nginx (`callbacks-fleet.ts`); autocannon stays in this process.
 */
export async function benchCallbacks(): Promise<Figure[]> {
  const setup = await prepare();
  try {
    const measured: Measured[] = [];
    for (const instances of INSTANCES) measured.push(await measure(setup, instances));
    printSideBySide(measured);
    return measured.flatMap((m) => figuresOf(m, COUNT, CONNECTIONS));
  } finally {
    await setup.close();
  }
}

interface Setup extends FleetSetup {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The schema (migrations run here, once), the vendors our server calls, the secrets its instances share. */
async function prepare(): Promise<Setup> {
  await ensureDatabase(BENCH_MYSQL_URL);
  const secrets = newSecrets();
  installPiiCipher(new PiiCipher(secrets.pii));
  const dataSource = new DataSource(dataSourceOptions(BENCH_MYSQL_URL, ENTITIES));
  await dataSource.initialize();
  await dataSource.query(BARE_INBOX_TABLE);
  // Nothing calls back during the bench: the seeded orders are none of the simulator's.
  const vendors = await startVendors('http://127.0.0.1:9');
  const credentials = vendors.settings.docloud as DocloudCredentials;
  return {
    dataSource,
    vendors,
    secrets,
    credentials,
    async close() {
      await vendors.close();
      await dataSource.destroy();
    },
  };
}

async function measure(setup: Setup, instances: number): Promise<Measured> {
  const { dataSource } = setup;
  const tag = Date.now().toString(36).toUpperCase();
  const seed = (prefix: string) => seedCreatedOrders(dataSource, prefix, WARMUP + COUNT, '违章代缴 基准');
  try {
    const oursIds = await seed(`BC${tag}`);
    const sameWorkIds = await seed(`BC${tag}T`);
    const ours = await against(setup, 'ours', instances, oursIds);
    const applied = await dataSource.query(
      `SELECT COUNT(*) AS n FROM vendor_events WHERE topic = 'order' AND outcome = 'transitioned' AND dedupe_key LIKE ?`,
      [`docloud:order:BC${tag}%`],
    );
    const transitioned = Number((applied as { n: number }[])[0].n);
    if (transitioned !== WARMUP + COUNT) {
      throw new Error(`only ${transitioned} of ${WARMUP + COUNT} callbacks were applied`);
    }
    // Right after ours, so that the two compared are measured under the same load on a shared machine.
    const sameWork = await against(setup, 'transaction', instances, sameWorkIds);
    const ids = (prefix: string) => Array.from({ length: WARMUP + COUNT }, (_, i) => `${prefix}${tag}${i}`);
    const insert = await against(setup, 'insert', instances, ids('BB'));
    return { instances, ours, insert, sameWork };
  } finally {
    await cleanUp(dataSource, tag);
  }
}

/** Warms the handler up with the first callbacks, then measures the rest. */
async function against(setup: Setup, handler: Handler, instances: number, vendorIds: string[]): Promise<Run> {
  const fleet = await startFleet(handler, instances, setup);
  try {
    const signed = vendorIds.map((id, i) => callbackFor(id, i, setup.credentials));
    await run(fleet.url, signed.slice(0, WARMUP));
    return await run(fleet.url, signed.slice(WARMUP));
  } finally {
    await fleet.close();
  }
}

/** One signed 《订单状态变更通知》 per order: paid (2) for most, done (3) for every third. */
function callbackFor(vendorId: string, index: number, credentials: DocloudCredentials) {
  return orderCallback(credentials, vendorId, index % 3 === 0 ? 3 : 2);
}

async function run(url: string, callbacks: { path: string; body: string }[]): Promise<Run> {
  let next = 0;
  let firstSent = 0n;
  let lastAnswered = 0n;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: callbacks.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          if (next === 0) firstSent = process.hrtime.bigint();
          const callback = callbacks[next++ % callbacks.length];
          return {
            ...request,
            path: callback.path,
            body: callback.body,
            headers: { 'content-type': 'application/json' },
          };
        },
        onResponse: () => {
          lastAnswered = process.hrtime.bigint();
        },
      },
    ],
  });
  return { result, seconds: Number(lastAnswered - firstSent) / 1e9 };
}

/** Leaves the bench database as it was (the merchant-list bench counts its orders). */
async function cleanUp(dataSource: DataSource, tag: string): Promise<void> {
  const like = `BC${tag}%`;
  await dataSource.query(`DELETE FROM order_events WHERE order_id IN (SELECT id FROM orders WHERE order_no LIKE ?)`, [
    like,
  ]);
  await dataSource.query(
    `DELETE FROM notices WHERE dedupe_key IN
       (SELECT CONCAT(prefix, id, ':3') FROM orders, (SELECT 'vehicles:order:' AS prefix UNION SELECT 'bench:order:') p
        WHERE order_no LIKE ?)`,
    [like],
  );
  await dataSource.query(
    `DELETE FROM notification_outbox WHERE order_id IN (SELECT id FROM orders WHERE order_no LIKE ?)`,
    [like],
  );
  await dataSource.query(`DELETE FROM violation_orders WHERE out_order_no LIKE ?`, [like]);
  await dataSource.query(`DELETE FROM vendor_events WHERE dedupe_key LIKE ?`, [`docloud:order:${like}`]);
  await dataSource.query(`DELETE FROM orders WHERE order_no LIKE ?`, [like]);
  await dataSource.query('DELETE FROM bench_bare_inbox');
}
