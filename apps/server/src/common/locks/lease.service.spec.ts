import { DataSource } from 'typeorm';
import { Lease } from './lease.entity.js';
import { LeaseService } from './lease.service.js';

describe('LeaseService', () => {
  let dataSource: DataSource;
  let leases: LeaseService;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Lease] }).initialize();
    const runner = dataSource.createQueryRunner();
    await runner.query(
      `CREATE TABLE leases (name varchar(191) PRIMARY KEY, holder varchar(64) NOT NULL, expires_at bigint NOT NULL)`,
    );
    await runner.release();
    leases = new LeaseService(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('excludes a second request of the same process (a lease is not re-entrant)', async () => {
    let inside = 0;
    let maxInside = 0;
    const work = async () => {
      inside++;
      maxInside = Math.max(maxInside, inside);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inside--;
    };
    const results = await Promise.all([leases.runIfFree('same', 10_000, work), leases.runIfFree('same', 10_000, work)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(maxInside).toBe(1);
    await Promise.all([1, 2, 3].map(() => leases.runExclusive('queue', 10_000, 5_000, work)));
    expect(maxInside).toBe(1);
  });

  it('takes over an expired lease of a crashed holder', async () => {
    await dataSource.query(
      `INSERT INTO leases (name, holder, expires_at) VALUES ('stale', 'crashed', '${Date.now() - 1}')`,
    );
    expect(await leases.tryAcquire('stale', 10_000)).toBeDefined();
  });

  it('releases every lease this process holds at shutdown, and only its own', async () => {
    await dataSource.query(
      `INSERT INTO leases (name, holder, expires_at) VALUES ('theirs', 'other-instance:x', '${Date.now() + 60_000}')`,
    );
    expect(await leases.tryAcquire('mine-1', 60_000)).toBeDefined();
    expect(await leases.tryAcquire('mine-2', 60_000)).toBeDefined();
    // 'stale', taken over in the test before, is this process's too.
    expect(await leases.releaseHeld()).toBe(3);
    const left = (await dataSource.query(`SELECT name FROM leases`)) as { name: string }[];
    expect(left.map((row) => row.name)).toEqual(['theirs']);
  });
});
