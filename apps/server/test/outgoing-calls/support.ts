import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { OutgoingCall } from '../../src/outgoing-calls/outgoing-call.entity.js';
import { SETTLE_CALLS_JOB } from '../../src/outgoing-calls/settlement-job.js';
import type { TestApp } from '../support/test-app.js';

export interface CallRow {
  id: number;
  vendor: string;
  operation: string;
  subject_kind: string;
  subject_id: string;
  idempotency_key: string;
  status: string;
  attempts: number;
  error_class: string | null;
  request_summary: string | null;
  outcome_summary: string | null;
  settled_by: string | null;
  settled_by_merchant_id: number | null;
  note: string | null;
  attention_at: unknown;
}

/** The ledger's rows about one subject (our order no, out_trade_no, out_refund_no, …). */
export async function callsAbout(t: TestApp, subjectId: string): Promise<CallRow[]> {
  const rows: CallRow[] = await t.dataSource.query('SELECT * FROM outgoing_calls WHERE subject_id = ? ORDER BY id', [
    subjectId,
  ]);
  return rows.map((row) => ({ ...row, id: Number(row.id), attempts: Number(row.attempts) }));
}

export async function onlyCallAbout(t: TestApp, subjectId: string, operation: string): Promise<CallRow> {
  const rows = (await callsAbout(t, subjectId)).filter((row) => row.operation === operation);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Makes a call look `minutes` old, as if the job's quiet time (and maybe the vendor's window) had passed. */
export async function age(t: TestApp, callId: number, minutes: number): Promise<void> {
  const then = new Date(Date.now() - minutes * 60_000);
  await t.dataSource.getRepository(OutgoingCall).update({ id: callId }, { createdAt: then, updatedAt: then });
}

export async function runSettlement(t: TestApp): Promise<void> {
  expect(await t.app.get(JobScheduler).runNow(SETTLE_CALLS_JOB)).toBe(true);
}

/** The `banshi_outgoing_calls_unknown` gauge of one vendor and operation (0 when absent). */
export async function unknownGauge(t: TestApp, vendor: string, operation: string): Promise<number> {
  const text = (await t.http.get('/metrics').expect(200)).text;
  const line = text
    .split('\n')
    .find((each) => each.startsWith(`banshi_outgoing_calls_unknown{vendor="${vendor}",operation="${operation}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** The owner's 待处理 list of calls only a person can settle. */
export async function pendingCalls(t: TestApp, owner: string) {
  const res = await t.http
    .get('/api/merchant/attention/outgoing-calls')
    .set('Authorization', `Bearer ${owner}`)
    .expect(200);
  return res.body.items as {
    id: number;
    vendor: string;
    operation: string;
    advice: string;
    choices: { value: string }[];
  }[];
}

export function settleByPerson(t: TestApp, token: string, callId: number, choice: string, note: string) {
  return t.http
    .post(`/api/merchant/outgoing-calls/${callId}/settle`)
    .set('Authorization', `Bearer ${token}`)
    .send({ choice, note });
}
