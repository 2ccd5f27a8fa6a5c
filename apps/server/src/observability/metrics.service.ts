import { Injectable, Logger } from '@nestjs/common';
import type { VendorAttempt } from '@banshi/vendor-clients';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** How a callback ended, as the inbox saw it. */
export type CallbackOutcome = 'applied' | 'repeat' | 'rejected' | 'failed';

/** Vendor statuses that mean "the vendor may hold an order we could not confirm" (see *-unconfirmed.ts). */
export const UNCONFIRMED_VENDOR_STATUSES = ['待确认', '待核实'] as const;

/**
 * The process's Prometheus metrics, one registry per application (tests run several in one
 * process). Counters and histograms are this instance's own; the order gauges are read from the
 * shared database at scrape time, so every instance reports the same totals for them.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);

  private readonly callbacks = new Counter({
    name: 'banshi_callbacks_total',
    help: 'Vendor callbacks received, by vendor, topic and how the inbox ended them',
    labelNames: ['vendor', 'topic', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly callbackSeconds = new Histogram({
    name: 'banshi_callback_duration_seconds',
    help: 'From the callback reaching the inbox to its answer being ready (stored, applied, committed)',
    labelNames: ['vendor', 'topic'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly vendorCalls = new Counter({
    name: 'banshi_vendor_calls_total',
    help: 'HTTP attempts to vendors (retries counted), by endpoint and outcome: ok, http_408, http_429, http_5xx, timeout, connection',
    labelNames: ['vendor', 'endpoint', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly vendorSeconds = new Histogram({
    name: 'banshi_vendor_call_duration_seconds',
    help: 'Duration of one HTTP attempt to a vendor, answered or not',
    labelNames: ['vendor', 'endpoint'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30],
    registers: [this.registry],
  });

  private readonly jobs = new Counter({
    name: 'banshi_jobs_total',
    help: 'Scheduled job ticks: ran (this instance held the lease), skipped (another instance did), failed',
    labelNames: ['job', 'result'] as const,
    registers: [this.registry],
  });

  constructor(private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'banshi_' });
    this.orderGauges();
  }

  callback(vendor: string, topic: string, outcome: CallbackOutcome, seconds: number): void {
    this.callbacks.inc({ vendor, topic, outcome });
    this.callbackSeconds.observe({ vendor, topic }, seconds);
  }

  vendorAttempt(attempt: VendorAttempt): void {
    const labels = { vendor: attempt.vendor, endpoint: attempt.endpoint };
    this.vendorCalls.inc({ ...labels, outcome: attempt.outcome });
    this.vendorSeconds.observe(labels, attempt.durationMs / 1000);
  }

  job(job: string, result: 'ran' | 'skipped' | 'failed'): void {
    this.jobs.inc({ job, result });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * Orders by kind and status, and those whose vendor side is unconfirmed (待确认: sent, no answer;
   * 待核实: the vendor has it, its id is unknown): the orders' side of what the outgoing-call ledger
   * counts per call (`banshi_outgoing_calls_unknown`, outgoing-calls/unknown-calls-gauge.ts).
   */
  private orderGauges(): void {
    const dataSource = this.dataSource;
    const logger = this.logger;
    new Gauge({
      name: 'banshi_orders',
      help: 'Orders in the database by kind and normalised status (read at scrape time)',
      labelNames: ['kind', 'status'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await countRows(
          dataSource,
          logger,
          'SELECT kind, status, COUNT(*) AS n FROM orders GROUP BY kind, status',
        );
        this.reset();
        for (const row of rows) this.set({ kind: row.kind, status: row.status }, Number(row.n));
      },
    });
    new Gauge({
      name: 'banshi_orders_unconfirmed',
      help: 'Open orders whose vendor side is unconfirmed (待确认 / 待核实), by kind; stands in for unknown ledger entries',
      labelNames: ['kind', 'vendor_status'] as const,
      registers: [this.registry],
      async collect() {
        const marks = UNCONFIRMED_VENDOR_STATUSES.map(() => '?').join(', ');
        const rows = await countRows(
          dataSource,
          logger,
          `SELECT kind, vendor_status, COUNT(*) AS n FROM orders
           WHERE status IN ('pending', 'processing') AND vendor_status IN (${marks})
           GROUP BY kind, vendor_status`,
          [...UNCONFIRMED_VENDOR_STATUSES],
        );
        this.reset();
        for (const row of rows) this.set({ kind: row.kind, vendor_status: row.vendor_status }, Number(row.n));
      },
    });
  }
}

type CountRow = Record<string, string> & { n: string | number };

/** A database that does not answer leaves these gauges empty rather than failing the whole scrape. */
async function countRows(dataSource: DataSource, logger: Logger, sql: string, params: unknown[] = []) {
  try {
    return (await dataSource.query(sql, params)) as CountRow[];
  } catch (error) {
    logger.warn({ err: error }, 'order counts for /metrics could not be read');
    return [];
  }
}
