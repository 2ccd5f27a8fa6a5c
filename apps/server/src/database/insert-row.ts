import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/**
 * Inserts one row and answers its generated id, in one statement. `manager.insert` follows every
 * INSERT on MySQL (which has no RETURNING) with a SELECT of the columns that have database
 * defaults, to copy them onto an entity nobody reads; on the callback path that was one round trip
 * in every six. Callers pass every column, so nothing needs reading back.
 */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<number> {
  const result = await manager.createQueryBuilder().insert().into(target).values(values).updateEntity(false).execute();
  return insertedId(result.raw);
}

/** mysql2 answers a `ResultSetHeader` with `insertId`; TypeORM's better-sqlite3 runner answers `lastInsertRowid`. */
function insertedId(raw: unknown): number {
  if (typeof raw === 'number' || typeof raw === 'bigint') return Number(raw);
  const id = (raw as { insertId?: number } | null)?.insertId;
  if (typeof id !== 'number') throw new Error('the database did not report the inserted id');
  return id;
}
