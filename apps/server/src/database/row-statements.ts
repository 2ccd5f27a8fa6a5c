import {
  QueryFailedError,
  type EntityManager,
  type EntityMetadata,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * The statements of the callback path, written once per entity and column set from TypeORM's own
 * metadata (table and column names, transformers such as the PII cipher, each database's value
 * conversions) and then only sent. A profile of the callback route put TypeORM's query building
 * (`getQueryAndParameters`, `replacePropertyNamesForTheWholeQuery`) and its row hydration at over a
 * third of the route's CPU; these three shapes (insert one row, update by key, read one row by
 * equalities) are all the hot path needs, so they skip the builder and keep one source of truth.
 * Entities here are flat (no relations or embedded columns), which `metadataOf` checks.
 * Inside a MySQL transaction they go as prepared statements (`send`).
 */
type Scalar = string | number | boolean | bigint | Date | null | undefined;
type Values<T> = { [K in keyof T]?: T[K] };

interface Statement {
  sql: string;
  columns: ColumnMetadata[];
}

const statements = new WeakMap<EntityMetadata, Map<string, Statement>>();

/**
 * Inserts one row and answers its generated id, in one statement. `manager.insert` follows every
 * INSERT on MySQL (which has no RETURNING) with a SELECT of the columns that have database defaults,
 * to copy them onto an entity nobody reads. Callers pass every column, so nothing needs reading back.
 */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: Values<T>,
): Promise<number> {
  const metadata = metadataOf(manager, target);
  const keys = Object.keys(values).filter((key) => values[key] !== undefined);
  const statement = cached(metadata, `insert:${keys.join(',')}`, () => {
    const columns = keys.map((key) => columnOf(metadata, key));
    const names = columns.map((column) => escape(manager, column.databaseName)).join(', ');
    const marks = columns.map(() => '?').join(', ');
    return { sql: `INSERT INTO ${escape(manager, metadata.tableName)} (${names}) VALUES (${marks})`, columns };
  });
  const raw = await send(manager, statement.sql, persistent(manager, statement.columns, keys, values));
  return insertedId(raw);
}

/** `UPDATE … SET patch WHERE where` (equalities, ANDed); answers nothing, as the callers need nothing. */
export async function updateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Values<T>,
  patch: Values<T>,
): Promise<void> {
  const metadata = metadataOf(manager, target);
  const setKeys = Object.keys(patch).filter((key) => patch[key] !== undefined);
  const whereKeys = Object.keys(where);
  if (setKeys.length === 0) return;
  const statement = cached(metadata, `update:${setKeys.join(',')}|${whereShape(where)}`, () => {
    const set = setKeys.map((key) => `${escape(manager, columnOf(metadata, key).databaseName)} = ?`).join(', ');
    const filter = conditions(manager, metadata, where);
    return {
      sql: `UPDATE ${escape(manager, metadata.tableName)} SET ${set} WHERE ${filter.sql}`,
      columns: [...setKeys.map((key) => columnOf(metadata, key)), ...filter.columns],
    };
  });
  const boundWhere = whereKeys.filter((key) => where[key] !== null);
  await send(manager, statement.sql, [
    ...persistent(manager, statement.columns.slice(0, setKeys.length), setKeys, patch),
    ...persistent(manager, statement.columns.slice(setKeys.length), boundWhere, where),
  ]);
}

/**
 * The one row matching `where` (equalities, ANDed; null means IS NULL), as an entity, or null.
 * `lock` reads it `FOR UPDATE` on MySQL; SQLite's transactions are serialised and need none.
 */
export async function findRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Values<T>,
  options: { lock?: boolean } = {},
): Promise<T | null> {
  const metadata = metadataOf(manager, target);
  const lock = options.lock === true && manager.connection.options.type === 'mysql';
  const statement = cached(metadata, `select:${whereShape(where)}:${lock}`, () => {
    const filter = conditions(manager, metadata, where);
    const names = metadata.columns.map((column) => escape(manager, column.databaseName)).join(', ');
    const table = escape(manager, metadata.tableName);
    return {
      sql: `SELECT ${names} FROM ${table} WHERE ${filter.sql} LIMIT 1${lock ? ' FOR UPDATE' : ''}`,
      columns: filter.columns,
    };
  });
  const bound = Object.keys(where).filter((key) => where[key] !== null);
  const rows = (await send(manager, statement.sql, persistent(manager, statement.columns, bound, where))) as Record<
    string,
    unknown
  >[];
  return rows.length === 0 ? null : hydrate<T>(manager, metadata, rows[0]);
}

/** The callback of mysql2's (callback-style) `execute`, all this module uses of its connection. */
interface PreparingConnection {
  execute(sql: string, values: unknown[], done: (error: Error | null, result?: unknown) => void): void;
}

/**
 * Sends a statement. On a MySQL transaction's connection it goes through mysql2's `execute`: a
 * prepared statement (parsed once per connection, then only its parameters travel, in the binary
 * protocol) instead of a text query that mysql2 formats and MariaDB parses on every callback, as
 * the bench's bare handler does. Elsewhere (SQLite, the pool outside a transaction) TypeORM's
 * `query`. Errors are TypeORM's `QueryFailedError` either way, which `isUniqueViolation` reads.
 */
function send(manager: EntityManager, sql: string, parameters: unknown[]): Promise<unknown> {
  const connection = preparingConnection(manager);
  if (!connection) return manager.query(sql, parameters);
  return new Promise((resolve, reject) =>
    connection.execute(sql, parameters, (error, result) =>
      error ? reject(new QueryFailedError(sql, parameters, error)) : resolve(result),
    ),
  );
}

function preparingConnection(manager: EntityManager): PreparingConnection | undefined {
  const runner = manager.queryRunner as { databaseConnection?: PreparingConnection; isReleased?: boolean } | undefined;
  if (manager.connection.options.type !== 'mysql' || !runner || runner.isReleased) return undefined;
  return typeof runner.databaseConnection?.execute === 'function' ? runner.databaseConnection : undefined;
}

function hydrate<T>(manager: EntityManager, metadata: EntityMetadata, row: Record<string, unknown>): T {
  const entity = metadata.create() as T & ObjectLiteral;
  const driver = manager.connection.driver;
  for (const column of metadata.columns) {
    column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

function conditions(
  manager: EntityManager,
  metadata: EntityMetadata,
  where: Record<string, Scalar>,
): { sql: string; columns: ColumnMetadata[] } {
  const keys = Object.keys(where);
  if (keys.length === 0) throw new Error(`no condition for ${metadata.name}: refusing to touch every row`);
  const parts = keys.map((key) => {
    const name = escape(manager, columnOf(metadata, key).databaseName);
    return where[key] === null ? `${name} IS NULL` : `${name} = ?`;
  });
  const columns = keys.filter((key) => where[key] !== null).map((key) => columnOf(metadata, key));
  return { sql: parts.join(' AND '), columns };
}

/** The cache key of a WHERE: its columns and which of them are null (`IS NULL` takes no parameter). */
function whereShape(where: Record<string, Scalar>): string {
  return Object.keys(where)
    .map((key) => (where[key] === null ? `${key}=null` : key))
    .join(',');
}

function persistent(
  manager: EntityManager,
  columns: ColumnMetadata[],
  keys: string[],
  values: Record<string, unknown>,
): unknown[] {
  const driver = manager.connection.driver;
  return keys.map((key, index) => driver.preparePersistentValue(values[key], columns[index]) ?? null);
}

function cached(metadata: EntityMetadata, key: string, build: () => Statement): Statement {
  let byShape = statements.get(metadata);
  if (!byShape) statements.set(metadata, (byShape = new Map()));
  let statement = byShape.get(key);
  if (!statement) byShape.set(key, (statement = build()));
  return statement;
}

function metadataOf(manager: EntityManager, target: EntityTarget<ObjectLiteral>): EntityMetadata {
  const metadata = manager.connection.getMetadata(target);
  if (metadata.relations.length > 0 || metadata.embeddeds.length > 0) {
    throw new Error(`${metadata.name} has relations or embedded columns: use the entity manager`);
  }
  return metadata;
}

function columnOf(metadata: EntityMetadata, propertyName: string): ColumnMetadata {
  const column = metadata.findColumnWithPropertyName(propertyName);
  if (!column) throw new Error(`${metadata.name} has no column for "${propertyName}"`);
  return column;
}

function escape(manager: EntityManager, name: string): string {
  return manager.connection.driver.escape(name);
}

/** mysql2 answers a `ResultSetHeader` with `insertId`; TypeORM's better-sqlite3 runner answers `lastInsertRowid`. */
function insertedId(raw: unknown): number {
  if (typeof raw === 'number' || typeof raw === 'bigint') return Number(raw);
  const id = (raw as { insertId?: number } | null)?.insertId;
  if (typeof id !== 'number') throw new Error('the database did not report the inserted id');
  return id;
}
