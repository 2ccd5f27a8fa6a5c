import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/password.js';
import { Merchant } from '../src/auth/merchant.entity.js';
import { encodeCursor } from '../src/common/keyset.js';
import { ORDER_KINDS, ORDER_STATUSES } from '../src/orders/order-status.js';
import { BENCH_MYSQL_URL, startBenchServer, time, type Figure } from './support.js';

const TARGET_ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const BATCH = 5_000;
const PAGE = 20;
const SAMPLES = 200;

/**
 * The merchant order list at a real merchant's size: a million orders of every kind over a year.
 * Seeding writes multi-row INSERTs straight to MySQL (fast); measuring goes through HTTP, the
 * guard, validation and the same query the console runs.
 */
export async function benchMerchantList(): Promise<Figure[]> {
  const { app, baseUrl } = await startBenchServer();
  try {
    await seed(TARGET_ORDERS);
    const token = await merchantToken(app.get(DataSource), baseUrl);
    const get = (query: string) => async () => {
      const response = await fetch(`${baseUrl}/api/merchant/orders?limit=${PAGE}&${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await response.json();
    };
    // Page 10,000 at a million orders; the deepest page there is on a smaller bench database.
    const deepPage = Math.min(10_000, Math.floor(TARGET_ORDERS / PAGE) - 1);
    const deepId = await idAtDepth(deepPage * PAGE);
    const { from, to } = middleMonth();
    const filter = `kind=violation_payment&status=completed&from=${from}&to=${to}`;
    const first = await time(SAMPLES, get(''));
    const deep = await time(SAMPLES, get(`cursor=${encodeCursor(deepId)}`));
    const filtered = await time(SAMPLES, get(filter));
    const filteredDeepId = await filteredIdAtDepth(from, to, 50 * PAGE);
    const filteredDeep = await time(SAMPLES, get(`${filter}&cursor=${encodeCursor(filteredDeepId)}`));
    const group = `merchant list (${TARGET_ORDERS.toLocaleString('en')} orders)`;
    return [
      { group, name: 'first page p50', value: first.p50, unit: 'ms' },
      { group, name: 'first page p99', value: first.p99, unit: 'ms' },
      {
        group,
        name: `page ${deepPage.toLocaleString('en')} p50`,
        value: deep.p50,
        unit: 'ms',
        ratio: { label: 'deep / first', value: deep.p50 / first.p50 },
      },
      { group, name: `page ${deepPage.toLocaleString('en')} p99`, value: deep.p99, unit: 'ms' },
      {
        group,
        name: 'kind+status+month p50',
        value: filtered.p50,
        unit: 'ms',
        ratio: { label: 'filtered / first', value: filtered.p50 / first.p50 },
      },
      { group, name: 'kind+status+month p99', value: filtered.p99, unit: 'ms' },
      {
        group,
        name: 'same filter, page 50 p50',
        value: filteredDeep.p50,
        unit: 'ms',
        ratio: { label: 'deep / first', value: filteredDeep.p50 / filtered.p50 },
      },
    ];
  } finally {
    await app.close();
  }
}

async function seed(target: number): Promise<void> {
  const connection = await createConnection({ uri: BENCH_MYSQL_URL, multipleStatements: false });
  try {
    const [[{ count }]] = (await connection.query('SELECT COUNT(*) AS count FROM orders')) as unknown as [
      [{ count: number }],
    ];
    if (Number(count) >= target && !process.env.BENCH_RESEED) return;
    await connection.query('DELETE FROM order_events');
    await connection.query('DELETE FROM orders');
    const yearAgo = Date.now() - 365 * 86_400_000;
    const started = Date.now();
    for (let offset = 0; offset < target; offset += BATCH) {
      const rows = [];
      for (let i = offset; i < Math.min(target, offset + BATCH); i++) {
        const at = new Date(yearAgo + Math.floor((i / target) * 365 * 86_400_000));
        rows.push([
          `BB${String(i).padStart(16, '0')}`,
          ORDER_KINDS[i % ORDER_KINDS.length],
          ORDER_STATUSES[(i * 7) % ORDER_STATUSES.length],
          String((i % 5) + 1),
          `V${i}`,
          (i % 5) * 10,
          700 + (i % 50) * 100,
          '基准订单',
          1 + (i % 50_000),
          at,
          at,
          at,
        ]);
      }
      await connection.query(
        'INSERT INTO orders (order_no, kind, status, vendor_status, vendor_ref, progress, amount_fen, title, user_id, created_at, updated_at, status_changed_at) VALUES ?',
        [rows],
      );
    }
    console.log(`seeded ${target.toLocaleString('en')} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await connection.end();
  }
}

async function merchantToken(dataSource: DataSource, baseUrl: string): Promise<string> {
  const password = 'bench-password-long';
  const repository = dataSource.getRepository(Merchant);
  const now = new Date();
  if (!(await repository.findOneBy({ username: 'bench' }))) {
    await repository.insert({
      username: 'bench',
      passwordHash: await hashPassword(password),
      role: 'owner',
      createdAt: now,
      updatedAt: now,
    });
  }
  const response = await fetch(`${baseUrl}/api/merchant/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function idAtDepth(depth: number): Promise<number> {
  const connection = await createConnection({ uri: BENCH_MYSQL_URL });
  const [rows] = (await connection.query('SELECT id FROM orders ORDER BY id DESC LIMIT 1 OFFSET ?', [
    depth,
  ])) as unknown as [{ id: number }[]];
  await connection.end();
  return rows[0].id;
}

async function filteredIdAtDepth(from: string, to: string, depth: number): Promise<number> {
  const connection = await createConnection({ uri: BENCH_MYSQL_URL });
  const [rows] = (await connection.query(
    `SELECT id FROM orders WHERE kind = 'violation_payment' AND status = 'completed' AND created_at >= ? AND created_at < ? ORDER BY id DESC LIMIT 1 OFFSET ?`,
    [new Date(`${from}T00:00:00+08:00`), new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000), depth],
  )) as unknown as [{ id: number }[]];
  await connection.end();
  return rows[0]?.id ?? 1;
}

/** A 30-day window six months back: in the middle of the seeded year. */
function middleMonth(): { from: string; to: string } {
  const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const start = Date.now() - 180 * 86_400_000;
  return { from: day(start), to: day(start + 29 * 86_400_000) };
}
