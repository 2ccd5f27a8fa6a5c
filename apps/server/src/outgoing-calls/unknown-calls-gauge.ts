import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsService } from '../observability/metrics.service.js';

/** `/metrics`: ledger entries still unknown, by vendor and operation, read from the shared database. */
@Injectable()
export class UnknownCallsGauge implements OnModuleInit {
  private readonly logger = new Logger(UnknownCallsGauge.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    const read = () => this.counts();
    new Gauge({
      name: 'banshi_outgoing_calls_unknown',
      help: 'Outgoing vendor calls whose outcome is still unknown (not settled by query, callback or person)',
      labelNames: ['vendor', 'operation'] as const,
      registers: [this.metrics.registry],
      async collect() {
        const rows = await read();
        this.reset();
        for (const row of rows) this.set({ vendor: row.vendor, operation: row.operation }, Number(row.n));
      },
    });
  }

  private async counts(): Promise<{ vendor: string; operation: string; n: string | number }[]> {
    try {
      return await this.dataSource.query(
        `SELECT vendor, operation, COUNT(*) AS n FROM outgoing_calls WHERE status = 'unknown' GROUP BY vendor, operation`,
      );
    } catch (error) {
      // A database that does not answer leaves the gauge empty rather than failing the scrape.
      this.logger.warn({ err: error }, 'unknown outgoing calls could not be counted for /metrics');
      return [];
    }
  }
}
