import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { MetricsGuard } from './metrics.guard.js';
import { MetricsService } from '../observability/metrics.service.js';

/** `GET /metrics` (outside the /api prefix, where scrapers look): Prometheus text format. */
@ApiExcludeController()
@Controller('metrics')
@UseGuards(MetricsGuard)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.metrics.text();
    response.type(this.metrics.contentType).send(text);
  }
}
