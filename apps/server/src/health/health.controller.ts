import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';

class ProbeDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ required: false }) error?: string;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status!: 'ok' | 'degraded' | 'down';
  @ApiProperty({ enum: ['sandbox', 'live'] }) vendorMode!: string;
  @ApiProperty({ type: ProbeDto }) database!: ProbeDto;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ProbeDto' } }) vendors!: Record<
    string,
    ProbeDto
  >;
}

const VENDOR_PROBE_CACHE_MS = 30_000;

/**
 * `ok` when the database and every vendor answer; `degraded` when a vendor does not (the services
 * that need it will fail, the rest work); `down` (HTTP 503) when the database does not answer.
 * Vendor reachability is any HTTP answer from its base URL, cached briefly so a load balancer's
 * probes do not hammer the vendors.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private vendorCache?: { at: number; value: Record<string, ProbeDto> };

  constructor(
    private readonly dataSource: DataSource,
    @Inject(VENDOR_SETTINGS) private readonly vendors: AvailableVendors,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Database and vendor reachability' })
  @ApiOkResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const [database, vendors] = await Promise.all([this.probeDatabase(), this.probeVendors()]);
    const status = !database.ok ? 'down' : Object.values(vendors).every((probe) => probe.ok) ? 'ok' : 'degraded';
    if (status === 'down') response.status(503);
    return { status, vendorMode: this.config.vendorMode, database, vendors };
  }

  private async probeDatabase(): Promise<ProbeDto> {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, latencyMs: Date.now() - started, error: (error as Error).message };
    }
  }

  private async probeVendors(): Promise<Record<string, ProbeDto>> {
    if (this.vendorCache && Date.now() - this.vendorCache.at < VENDOR_PROBE_CACHE_MS) return this.vendorCache.value;
    const entries = await Promise.all(
      Object.entries(this.vendors).map(async ([name, settings]) => {
        const url = 'baseUrl' in settings ? settings.baseUrl : settings.gateway;
        return [name, await probe(url)] as const;
      }),
    );
    const value = Object.fromEntries(entries);
    this.vendorCache = { at: Date.now(), value };
    return value;
  }
}

async function probe(url: string): Promise<ProbeDto> {
  const started = Date.now();
  try {
    await fetch(url, { method: 'GET', signal: AbortSignal.timeout(3000) });
    return { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, latencyMs: Date.now() - started, error: (error as Error).message };
  }
}
