import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/**
 * `DATABASE_URL` picks the database: `mysql://user:pass@host:3306/db` (production, MariaDB in CI)
 * or `sqlite:<file>` (the embedded default; `sqlite::memory:` for throwaway runs). Migrations run
 * at start-up; `synchronize` is never used, so both databases get exactly the migrated schema.
 * `entities` comes from the composition root (`src/entities.ts`): this folder knows no service module.
 */
export function dataSourceOptions(databaseUrl: string, entities: DataSourceOptions['entities']): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: false,
  } as const;
  if (databaseUrl.startsWith('mysql://')) {
    return {
      ...common,
      type: 'mysql',
      url: databaseUrl,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // Several instances share the database; each keeps a modest pool.
      extra: { connectionLimit: 20 },
      migrationsTransactionMode: 'each',
    };
  }
  const file = databaseUrl.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    // WAL lets readers run while one writer commits; busy_timeout makes a second process wait
    // for the write lock instead of failing at once.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
    migrationsTransactionMode: 'each',
  };
}

export function isMysql(databaseUrl: string): boolean {
  return databaseUrl.startsWith('mysql://');
}
