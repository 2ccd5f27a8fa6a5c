import type { Result } from 'autocannon';
import type { Figure } from './support.js';

/** autocannon's own `duration` ends on its one-second sampling tick, so the run is timed by the bench. */
export interface Run {
  result: Result;
  /** From the first request sent to the last answer received. */
  seconds: number;
}

/** One instance count's three runs: our server, the one-insert handler, the same-work handler. */
export interface Measured {
  instances: number;
  ours: Run;
  insert: Run;
  sameWork: Run;
}

const rate = (run: Run) => run.result.requests.total / run.seconds;
/** autocannon reports 0 ms for sub-millisecond percentiles: a ratio needs a floor. */
const latency = (run: Run, at: 'p50' | 'p99') => Math.max(run.result.latency[at], 0.01);

export function figuresOf(m: Measured, count: number, connections: number): Figure[] {
  const group =
    `docloud order callback, ${m.instances} instance${m.instances > 1 ? 's behind nginx' : ''} ` +
    `(${count.toLocaleString('en')} distinct, ${connections} connections)`;
  const ms = (name: string, value: number, ratio?: Figure['ratio']): Figure => ({
    group,
    name,
    value,
    unit: 'ms',
    ratio,
  });
  return [
    {
      group,
      name: 'bare handler, our transaction (mysql2, no framework)',
      value: rate(m.sameWork),
      unit: 'req/s',
      ratio: { label: 'of one-insert bare', value: rate(m.sameWork) / rate(m.insert) },
    },
    {
      group,
      name: 'throughput vs bare handler with our transaction',
      value: rate(m.ours),
      unit: 'req/s',
      ratio: { label: 'ours / same-work bare', value: rate(m.ours) / rate(m.sameWork) },
    },
    {
      group,
      name: 'throughput',
      value: rate(m.ours),
      unit: 'req/s',
      ratio: { label: 'ours / bare', value: rate(m.ours) / rate(m.insert) },
    },
    { group, name: 'bare handler throughput', value: rate(m.insert), unit: 'req/s' },
    ms('latency p50', m.ours.result.latency.p50, {
      label: 'ours / bare',
      value: latency(m.ours, 'p50') / latency(m.insert, 'p50'),
    }),
    ms('latency p99', m.ours.result.latency.p99, {
      label: 'ours / bare',
      value: latency(m.ours, 'p99') / latency(m.insert, 'p99'),
    }),
    ms('latency p99 vs bare handler with our transaction', m.ours.result.latency.p99, {
      label: 'ours / same-work bare',
      value: latency(m.ours, 'p99') / latency(m.sameWork, 'p99'),
    }),
    ms('same-work bare handler latency p50', m.sameWork.result.latency.p50),
    ms('same-work bare handler latency p99', m.sameWork.result.latency.p99),
    ms('bare handler latency p50', m.insert.result.latency.p50),
    ms('bare handler latency p99', m.insert.result.latency.p99),
    { group, name: 'non-2xx answers (ours)', value: m.ours.result.non2xx + m.ours.result.errors, unit: '' },
  ];
}

/** One column per instance count, one row per figure, the ratios the issue asks about in bold rows. */
export function printSideBySide(measured: Measured[]): void {
  const rows: [string, (m: Measured) => string][] = [
    ['ours req/s', (m) => rate(m.ours).toFixed(0)],
    ['same-work bare req/s', (m) => rate(m.sameWork).toFixed(0)],
    ['one-insert bare req/s', (m) => rate(m.insert).toFixed(0)],
    ['ours / same-work throughput (≥ 0.6×)', (m) => `${(rate(m.ours) / rate(m.sameWork)).toFixed(2)}×`],
    ['ours / one-insert throughput', (m) => `${(rate(m.ours) / rate(m.insert)).toFixed(2)}×`],
    ['ours p50 / p99 ms', (m) => `${m.ours.result.latency.p50} / ${m.ours.result.latency.p99}`],
    ['same-work p50 / p99 ms', (m) => `${m.sameWork.result.latency.p50} / ${m.sameWork.result.latency.p99}`],
    ['one-insert p50 / p99 ms', (m) => `${m.insert.result.latency.p50} / ${m.insert.result.latency.p99}`],
    ['ours / same-work p99 (≤ 2×)', (m) => `${(latency(m.ours, 'p99') / latency(m.sameWork, 'p99')).toFixed(2)}×`],
    ['non-2xx (ours / same-work / one-insert)', (m) => [m.ours, m.sameWork, m.insert].map(failures).join(' / ')],
  ];
  const header = [
    'docloud order callback',
    ...measured.map((m) => `${m.instances} instance${m.instances > 1 ? 's' : ''}`),
  ];
  const table = [header, ...rows.map(([name, cell]) => [name, ...measured.map(cell)])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => [...row[i]].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of table.slice(1)) console.log(line(row));
}

function failures(run: Run): number {
  return run.result.non2xx + run.result.errors;
}
