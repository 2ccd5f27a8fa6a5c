import type { DataSource } from 'typeorm';
import { inPool, postAsVendor, type Sequence, type StormKit, type VendorCallback } from './kit.js';

export type SendKind = 'valid' | 'repeat' | 'bad' | 'malformed';

/** One kit's part of a storm of `n` callbacks. */
export interface Share {
  kit: StormKit;
  n: number;
  genuine: number;
  repeats: number;
  outOfOrder: number;
  bad: number;
  malformed: number;
  /** Sequences the kit prepared (its subjects). */
  subjects: number;
}

export interface Send {
  share: Share;
  kind: SendKind;
  callback: VendorCallback;
  /** Sent only once this one is answered: the previous step of the same subject. */
  after?: Send;
  position: number;
}

export interface Answer {
  send: Send;
  status: number;
  text: string;
}

/**
 * Splits `n` callbacks between kits by weight: within each kit's part, 20 % repeats, 10 % out of
 * order, 5 % not genuine (bad signature or token), 1 % malformed bodies, the rest genuine.
 */
export function shareOut(kits: { kit: StormKit; weight: number }[], n: number): Share[] {
  const total = kits.reduce((sum, k) => sum + k.weight, 0);
  let left = n;
  return kits.map(({ kit, weight }, i) => {
    const part = i === kits.length - 1 ? left : Math.round((n * weight) / total);
    left -= part;
    const repeats = Math.round(part * 0.2);
    const bad = Math.round(part * 0.05);
    const malformed = Math.round(part * 0.01);
    const genuine = part - repeats - bad - malformed;
    return { kit, n: part, genuine, repeats, bad, malformed, outOfOrder: Math.round(part * 0.1), subjects: 0 };
  });
}

/**
 * Seeds every kit and lays its callbacks out in one list: the first callback of every subject, then
 * the second ones, and so on, the kits interleaved evenly; each step waits for the answer to the
 * previous step of its subject (so "out of order" is exactly the sequences a kit reversed). A
 * repeat comes after the callback it repeats, possibly while that one is still in flight; bad and
 * malformed ones anywhere.
 */
export async function layOut(shares: Share[], rand: () => number): Promise<Send[]> {
  const waves: Send[][][] = [];
  for (const share of shares) {
    const sequences = await share.kit.prepare({ genuine: share.genuine, outOfOrder: share.outOfOrder });
    share.subjects = sequences.length;
    const sent = sequences.reduce((sum, s) => sum + s.callbacks.length, 0);
    if (sent !== share.genuine) throw new Error(`${share.kit.name} prepared ${sent} of ${share.genuine} callbacks`);
    sequences.forEach((sequence) => addSteps(waves, shares.indexOf(share), share, sequence));
  }
  const genuine = waves.flatMap((wave) => interleave(wave));
  genuine.forEach((send, i) => (send.position = i));
  const sends = [...genuine];
  for (const share of shares) {
    const own = genuine.filter((send) => send.share === share);
    for (let r = 0; r < share.repeats; r++) {
      const original = own[Math.floor(rand() * own.length)];
      const position = original.position + 0.5 + rand() * (genuine.length - original.position);
      sends.push({ ...original, kind: 'repeat', position });
    }
    for (let b = 0; b < share.bad + share.malformed; b++) {
      const bad = b < share.bad;
      const callback = bad ? share.kit.forge(b) : share.kit.malformed(b - share.bad);
      sends.push({ share, kind: bad ? 'bad' : 'malformed', callback, position: rand() * genuine.length });
    }
  }
  return sends.sort((a, b) => a.position - b.position);
}

function addSteps(waves: Send[][][], k: number, share: Share, sequence: Sequence): void {
  let previous: Send | undefined;
  sequence.callbacks.forEach((callback, step) => {
    // Side-by-side events all go out in the first wave, next to each other.
    const wave = sequence.together ? 0 : step;
    const send: Send = { share, kind: 'valid', callback, after: sequence.together ? undefined : previous, position: 0 };
    waves[wave] ??= [];
    waves[wave][k] ??= [];
    waves[wave][k].push(send);
    previous = send;
  });
}

/** Merges the kits' lists so that each is spread evenly over the result, keeping each list's order. */
function interleave(lists: Send[][]): Send[] {
  const keyed = lists.flatMap((list) => (list ?? []).map((send, i) => ({ send, key: (i + 0.5) / list.length })));
  return keyed.sort((a, b) => a.key - b.key).map(({ send }) => send);
}

/**
 * Sends everything, `concurrency` at a time, each step after the answer to its previous one. With
 * several servers (instances behind a load balancer), the sends take turns between them, so a
 * subject's steps, and a callback and its repeat, usually reach different instances.
 */
export async function deliver(baseUrl: string | string[], sends: Send[], concurrency: number): Promise<Answer[]> {
  const servers = typeof baseUrl === 'string' ? [baseUrl] : baseUrl;
  const answered = new Map<Send, { done: Promise<void>; resolve: () => void; server: string }>();
  sends.forEach((send, i) => {
    let resolve = () => {};
    const done = new Promise<void>((r) => (resolve = r));
    answered.set(send, { done, resolve, server: servers[i % servers.length] });
  });
  return inPool(sends, concurrency, async (send) => {
    if (send.after) await answered.get(send.after)?.done;
    try {
      const url = `${answered.get(send)?.server}${send.callback.path}`;
      return { send, ...(await postAsVendor(url, send.callback.body, send.callback.contentType)) };
    } finally {
      answered.get(send)?.resolve();
    }
  });
}

export interface Tally {
  applied: number;
  repeats: number;
  rejected: number;
  failed: number;
  serverErrors: number;
  /** Genuine ones not acknowledged in the vendor's format, bad ones not refused. */
  misanswered: { kind: SendKind; status: number; text: string }[];
}

/** What the server answered and stored for one kit's callbacks. */
export async function tally(dataSource: DataSource, share: Share, answers: Answer[]): Promise<Tally> {
  const own = answers.filter((a) => a.send.share === share);
  const misanswered = own
    .filter(({ send, status, text }) =>
      send.kind === 'valid' || send.kind === 'repeat'
        ? !share.kit.isAcknowledged(status, text)
        : send.kind === 'malformed'
          ? !share.kit.isMalformedAnswer(status, text)
          : !share.kit.isRejection(status, text),
    )
    .map(({ send, status, text }) => ({ kind: send.kind, status, text: text.slice(0, 200) }));
  const { vendor, topics } = share.kit;
  const rows = (await dataSource.query(
    `SELECT status, COUNT(*) AS n, SUM(repeat_count) AS repeats FROM vendor_events
     WHERE vendor = ? AND topic IN (${topics.map(() => '?').join(',')}) GROUP BY status`,
    [vendor, ...topics],
  )) as { status: string; n: number; repeats: number | null }[];
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
  return {
    applied: count('applied'),
    rejected: count('rejected'),
    failed: count('failed'),
    repeats: rows.reduce((sum, row) => sum + Number(row.repeats ?? 0), 0),
    serverErrors: own.filter((a) => a.status >= 500).length,
    misanswered,
  };
}

/**
 * Prints each kit's counts and answers what was stored and answered next to what a correct server
 * stores and answers, one entry per kit, so that a failure shows every vendor's differences at once.
 */
export async function stormOutcome(
  label: string,
  dataSource: DataSource,
  shares: Share[],
  answers: Answer[],
): Promise<{ actual: unknown[]; expected: unknown[] }> {
  const actual = [];
  for (const share of shares) {
    const counts = await tally(dataSource, share, answers);
    const wrong = await share.kit.check('as-sent');
    console.warn(
      `${label} ${share.kit.name}: ${share.n} callbacks (${share.genuine} genuine over ${share.subjects} subjects, ${share.repeats} repeats, ${share.outOfOrder} out of order, ${share.bad} bad, ${share.malformed} malformed) → applied ${counts.applied}, repeats counted ${counts.repeats}, rejected ${counts.rejected}, failed ${counts.failed}, 5xx ${counts.serverErrors}; ${wrong.length} subjects not as an orderly delivery leaves them`,
    );
    actual.push({
      name: share.kit.name,
      serverErrors: counts.serverErrors,
      misanswered: counts.misanswered.slice(0, 3),
      stored: { applied: counts.applied, rejected: counts.rejected, failed: counts.failed, repeats: counts.repeats },
      notAsOrderly: wrong.slice(0, 3),
    });
  }
  const expected = shares.map((share) => ({
    name: share.kit.name,
    serverErrors: 0,
    misanswered: [],
    stored: { applied: share.genuine, rejected: share.bad + share.malformed, failed: 0, repeats: share.repeats },
    notAsOrderly: [],
  }));
  return { actual, expected };
}
