import { Controller, Get, Inject, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { DrainState } from '../lifecycle/drain-state.js';
import { VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { HealthChecks, probe, type Probe } from '../common/health-checks.js';

class ProbeDto implements Probe {
  @ApiProperty() ok!: boolean;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ required: false }) error?: string;
}

class CheckDto extends ProbeDto {
  @ApiProperty({ description: 'when it fails, the instance is down rather than degraded' }) critical!: boolean;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status!: 'ok' | 'degraded' | 'down';
  @ApiProperty({ enum: ['sandbox', 'live'] }) vendorMode!: string;
  @ApiProperty({ type: ProbeDto }) database!: ProbeDto;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ProbeDto' } }) vendors!: Record<
    string,
    ProbeDto
  >;
  @ApiProperty({
    description: 'the checks other modules register (object storage, …)',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/CheckDto' },
  })
  checks!: Record<string, CheckDto>;
}

class LiveDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class ReadyDto {
  @ApiProperty() ready!: boolean;
  @ApiProperty({ description: 'SIGTERM received: finishing what is in flight, taking nothing new' })
  draining!: boolean;
  @ApiProperty({ type: ProbeDto }) database!: ProbeDto;
  @ApiProperty({
    description: 'the checks that gate readiness (a vendor credential refused, …)',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/CheckDto' },
  })
  checks!: Record<string, CheckDto>;
}

const VENDOR_PROBE_CACHE_MS = 30_000;

/**
 * `GET /api/health`: `ok` when the database, every vendor and every registered check answer;
 * `degraded` when a vendor or a non-critical check does not; `down` (HTTP 503) when the database or a
 * critical check does not. Vendor reachability is any HTTP answer from its base URL, cached briefly
 * so a load balancer's probes do not hammer the vendors.
 *
 * `GET /api/health/live` (liveness): 200 while the process serves HTTP at all, draining included:
 * restart it only when this fails. `GET /api/health/ready` (readiness): 200 when it takes requests,
 * 503 while draining, while the database does not answer or while a readiness check fails (a
 * vendor refusing our credentials): send it no traffic then.
 */
@ApiTags('health')
@ApiExtraModels(ProbeDto, CheckDto)
@Controller('health')
export class HealthController {
  private vendorCache?: { at: number; value: Record<string, ProbeDto> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly checks: HealthChecks,
    private readonly drain: DrainState,
    @Inject(VENDOR_SETTINGS) private readonly vendors: AvailableVendors,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Database, vendor and registered checks' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'the database or a critical check fails' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const [database, vendors, checks] = await Promise.all([
      this.probeDatabase(),
      this.probeVendors(),
      this.checks.runAll(),
    ]);
    const results = Object.values(checks);
    const down = !database.ok || results.some((check) => check.critical && !check.ok);
    const healthy = Object.values(vendors).every((p) => p.ok) && results.every((check) => check.ok);
    const status = down ? 'down' : healthy ? 'ok' : 'degraded';
    if (status === 'down') response.status(503);
    return { status, vendorMode: this.config.vendorMode, database, vendors, checks };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (also while draining)' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 503 while draining, the database does not answer or a credential is refused' })
  @ApiOkResponse({ type: ReadyDto })
  @ApiServiceUnavailableResponse({
    type: ReadyDto,
    description: 'draining (SIGTERM), database unreachable or a readiness check failing',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadyDto> {
    const draining = this.drain.isDraining;
    const [database, checks] = await Promise.all([this.probeDatabase(), this.checks.runAll(3000, 'readiness')]);
    const ready = !draining && database.ok && Object.values(checks).every((check) => check.ok);
    if (!ready) response.status(503);
    return { ready, draining, database, checks };
  }

  private probeDatabase(): Promise<ProbeDto> {
    return probe(() => this.dataSource.query('SELECT 1'));
  }

  private async probeVendors(): Promise<Record<string, ProbeDto>> {
    if (this.vendorCache && Date.now() - this.vendorCache.at < VENDOR_PROBE_CACHE_MS) return this.vendorCache.value;
    const entries = await Promise.all(
      Object.entries(this.vendors).map(async ([name, settings]) => {
        const url = 'baseUrl' in settings ? settings.baseUrl : settings.gateway;
        return [name, await probe(() => fetch(url, { method: 'GET', signal: AbortSignal.timeout(3000) }))] as const;
      }),
    );
    const value = Object.fromEntries(entries);
    this.vendorCache = { at: Date.now(), value };
    return value;
  }
}
