import { createHash } from 'node:crypto';
import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import type { YundouSimulator } from '@banshi/vendor-simulators/yundou';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import type { Response, Test } from 'supertest';
import type { TestApp } from '../support/test-app.js';

/** The vendors whose calls make or charge orders; WeChat (login) is left alone. */
export const FAULTED = ['zjz', 'yundou', 'zhima', 'docloud'] as const;

/**
 * Client timeouts of the fault test (see `startTestApp` env in the spec): short, so that hangs cost
 * little, yet above what a busy two-core machine takes to answer normally.
 */
export const VENDOR_TIMEOUT_MS = 1500;
/**
 * Zhima's client checks its timer about once a second (see the zhima client spec), and signing
 * and verifying RSA on two busy cores takes a while: shorter, and answers would be lost unforced.
 */
export const ZHIMA_TIMEOUT_MS = 3000;

/**
 * On top of the random faults, the first answers of the calls that make or charge an order are
 * lost for sure, so that every run meets the dangerous case on each of them. Yundou's client
 * retries an upload twice with the same oid: three in a row make an upload fail for the user
 * (six, so that two users uploading at once do not share them out below that).
 */
const LOST_FIRST: Record<(typeof FAULTED)[number], [path: string, count: number][]> = {
  zjz: [['/receipt/submit', 2]],
  yundou: [['/api/bill/upload', 6]],
  zhima: [['/gateway.do', 1]],
  docloud: [
    ['/violation/create/order', 1],
    ['/inspection/v2/order/create', 2],
  ],
};

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * About 30 % of calls fail: a 503 before any work, a hang past the client's timeout (the vendor
 * works late, into a closed socket), or the work done and the answer lost (503 or a dropped hang).
 * 1 − 0.9 × 0.9 × 0.87 ≈ 0.30. Callbacks are retried quickly so the test does not wait on them.
 */
export function injectFaults(t: TestApp, seed: number): void {
  for (const [i, vendor] of FAULTED.entries()) {
    const sim = t.sandbox.get(vendor);
    sim.faults.random = seeded(seed + i);
    sim.faults.serverErrorRate = 0.1;
    sim.faults.timeoutRate = 0.1;
    sim.faults.lostAnswerRate = 0.13;
    sim.faults.hangMs = (vendor === 'zhima' ? ZHIMA_TIMEOUT_MS : VENDOR_TIMEOUT_MS) + 1200;
    for (const [path, count] of LOST_FIRST[vendor]) sim.faults.loseNextAnswer(count, 'fail', path);
    if (sim.callbacks) sim.callbacks.retryDelaysMs = [100, 300, 600, 1000, 1500, 2000, 3000];
  }
}

export function calmFaults(t: TestApp): void {
  for (const vendor of FAULTED) t.sandbox.get(vendor).faults.reset();
}

/** What the knobs injected, and how many calls reached the vendors (a 503 before the handler is not logged). */
export function injectedFaults(t: TestApp) {
  const sum = { failed: 0, hung: 0, lost: 0, total: 0, calls: 0 };
  for (const vendor of FAULTED) {
    const { faults, host } = t.sandbox.get(vendor);
    sum.failed += faults.injected.failed;
    sum.hung += faults.injected.hung;
    sum.lost += faults.injected.lost;
    sum.total += faults.injectedTotal;
    sum.calls += host.requestLog.length + faults.injected.failed;
  }
  return sum;
}

/** Waits until no simulator has a step, a late answer or a callback still to come. */
export async function vendorsIdle(t: TestApp): Promise<void> {
  const settle = async () => {
    await t.sandbox.get<ZjzSimulator>('zjz').idle();
    await t.sandbox.get<YundouSimulator>('yundou').idle();
    await t.sandbox.get<DocloudSimulator>('docloud').callbacks.idle();
  };
  await settle();
  // A request hung before its handler is handled when the hang ends: wait that out, then settle again.
  await sleep(VENDOR_TIMEOUT_MS + 1500);
  await settle();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Answer {
  flow: string;
  step: string;
  status: number;
  body: { code?: string; message?: string; retryable?: boolean } | undefined;
}

const CHINESE = /[\u4e00-\u9fff]/;

/** Every answer the users got, to judge them all at the end. */
export class Journal {
  readonly answers: Answer[] = [];

  record(flow: string, step: string, response: Response): void {
    this.answers.push({ flow, step, status: response.status, body: response.body as Answer['body'] });
  }

  /** 5xx answers, except the retryable 503 with a Chinese message that says "try again later". */
  serverErrors(): Answer[] {
    return this.answers.filter((a) => a.status >= 500 && !isRetryable503(a));
  }

  /** Refusals (4xx, 503) without a message a person can read. */
  mute(): Answer[] {
    return this.answers.filter((a) => a.status >= 400 && !CHINESE.test(a.body?.message ?? ''));
  }

  count(predicate: (answer: Answer) => boolean): number {
    return this.answers.filter(predicate).length;
  }
}

export function isRetryable503(answer: Pick<Answer, 'status' | 'body'>): boolean {
  return answer.status === 503 && answer.body?.retryable === true && CHINESE.test(answer.body?.message ?? '');
}

/**
 * Sends like a person taps: again after a retryable 503 or a "still busy" 409, a few times, with a
 * pause; any other answer is final. Answers the last response.
 */
export async function tap(
  journal: Journal,
  flow: string,
  step: string,
  send: () => Test,
  tries = 5,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    journal.record(flow, step, response);
    const again = isRetryable503(response) || (response.status === 409 && response.body?.code === 'BUSY');
    if (!again || attempt >= tries) return response;
    await sleep(150 + 100 * attempt);
  }
}

/** Polls until `check` answers something, or gives up after `ms` (answering undefined). */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined || Date.now() > deadline) return value;
    await sleep(100);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The token at the end of a callback URL (`…/zjz/<token>`, `…/bill/<token>`). */
export function tokenOf(callbackUrl: string): string {
  return new URL(callbackUrl).pathname.split('/').pop() ?? '';
}

/** How many vendor orders exceed one per key (0 when every key has at most one). */
export function excess(perKey: Map<unknown, unknown[]>): number {
  let extra = 0;
  for (const orders of perKey.values()) extra += Math.max(0, orders.length - 1);
  return extra;
}

export function groupBy<K, V>(items: Iterable<V>, key: (item: V) => K): Map<K, V[]> {
  const grouped = new Map<K, V[]>();
  for (const item of items) grouped.set(key(item), [...(grouped.get(key(item)) ?? []), item]);
  return grouped;
}

export async function rows<T = Record<string, unknown>>(t: TestApp, sql: string): Promise<T[]> {
  return (await t.dataSource.query(sql)) as T[];
}
