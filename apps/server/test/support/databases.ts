import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

export type DatabaseKind = 'sqlite' | 'mysql';

/** The databases an end-to-end suite runs on: SQLite always, MySQL when TEST_MYSQL_URL is set. */
export function testDatabases(): DatabaseKind[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one suite, so suites running in parallel workers never see each
 * other's rows. MySQL gets a throwaway schema; SQLite a file in the suite's temp folder.
 */
export async function createTestDatabase(kind: DatabaseKind, dataDir: string): Promise<TestDatabase> {
  if (kind === 'sqlite') return { url: `sqlite:${dataDir}/test.sqlite`, drop: async () => undefined };
  const server = new URL(process.env.TEST_MYSQL_URL as string);
  const name = `banshi_t_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const connection = await createConnection({ uri: server.toString() });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
