import { facePhoto } from '../../src/sandbox/demo/demo-images.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '@banshi/vendor-clients';
import { DEFAULT_SANDBOX_IDENTITIES, type ZhimaSimulator } from '@banshi/vendor-simulators/zhima';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app.js';

/** The sandbox people (see the simulator's default table). */
export const ZHANG_SAN = { name: '张三', idNumber: makeIdNumber('110101', '19900307', 123) };
export const WANG_WU = { name: '王五', idNumber: makeIdNumber('440305', '19920615', 789) };
export const QIAN_QI = { name: '钱七', idNumber: makeIdNumber('510107', '20000101', 335) };
export const NAME_MISMATCH_ID = makeIdNumber('330106', '19780228', 222);

/** People the simulator does not list pass by default: a fresh one per test keeps tests apart. */
let sequence = 100;
export function unlistedPerson(name = '赵六'): { name: string; idNumber: string } {
  sequence += 2;
  const idNumber = makeIdNumber('320102', '19880808', sequence);
  if (DEFAULT_SANDBOX_IDENTITIES.some((person) => person.certNo === idNumber)) return unlistedPerson(name);
  return { name, idNumber };
}

/**
 * A phone-sized portrait: a face drawn on a noisy background, so that it is several hundred KB and
 * the server has to shrink it to the vendor's limit, as it must with a real photo.
 */
/** The identity suites' face photo (the sandbox demo sends the same). */
export const makeFacePhoto = facePhoto;

export interface CertifyFields {
  name?: string;
  idNumber?: string;
  consent?: string | null;
}

/** POST /api/identity/certifications as the mini-program sends it (multipart, file field `face`). */
export function certify(t: TestApp, token: string, fields: CertifyFields, face: Buffer | null) {
  const call = t.http.post('/api/identity/certifications').set('Authorization', `Bearer ${token}`);
  const consent = fields.consent === undefined ? 'true' : fields.consent;
  if (consent !== null) call.field('consent', consent);
  if (fields.name !== undefined) call.field('name', fields.name);
  if (fields.idNumber !== undefined) call.field('idNumber', fields.idNumber);
  if (face) call.attach('face', face, { filename: 'face.jpg', contentType: 'image/jpeg' });
  else call.field('noFace', '1');
  return call;
}

export function zhima(t: TestApp): ZhimaSimulator {
  return t.sandbox.get<ZhimaSimulator>('zhima');
}

export function gatewayCalls(t: TestApp): number {
  return zhima(t).host.callsTo('/gateway.do');
}

export async function tableNames(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type === 'mysql') {
    const rows: Record<string, string>[] = await dataSource.query('SHOW TABLES');
    return rows.map((row) => Object.values(row)[0]);
  }
  const rows: { name: string }[] = await dataSource.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  return rows.map((row) => row.name);
}

/** Every row of a table, as the database holds it (no entity, no transformer). */
export async function rawRows(dataSource: DataSource, table: string): Promise<Record<string, unknown>[]> {
  return dataSource.query(`SELECT * FROM ${table}`);
}

export async function rowCount(dataSource: DataSource, table: string, where = '1 = 1'): Promise<number> {
  const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`);
  return Number((row as { n: number | string }).n);
}

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found;
}

export function fileContains(path: string, needle: Buffer): boolean {
  return readFileSync(path).includes(needle);
}
