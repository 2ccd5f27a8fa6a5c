import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedMerchant } from '../auth/auth-tokens.js';
import { MERCHANT_AUDIT, type MerchantAuditSink } from '../auth/merchant-audit.js';
import type { PriceDto, PriceUpdateDto } from './dto/price.dto.js';
import { ServicePrice } from './entities/service-price.entity.js';
import { PRICED_SERVICE_KEYS, PRICED_SERVICES, type PricedService } from './prices.js';

/** The merchant's prices: read by users before they commit, set by the owner (audited). */
@Injectable()
export class PricesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MERCHANT_AUDIT) private readonly audit: MerchantAuditSink,
  ) {}

  /** What a service costs now, in fen (0: free). */
  async priceOf(service: PricedService): Promise<number> {
    return (await this.dataSource.getRepository(ServicePrice).findOneBy({ service }))?.amountFen ?? 0;
  }

  async list(): Promise<PriceDto[]> {
    const rows = await this.dataSource.getRepository(ServicePrice).find();
    const byKey = new Map(rows.map((row) => [row.service, row]));
    return PRICED_SERVICE_KEYS.map((service) => ({
      service,
      ...PRICED_SERVICES[service],
      amountFen: byKey.get(service)?.amountFen ?? 0,
      updatedAt: byKey.get(service)?.updatedAt.toISOString() ?? null,
    }));
  }

  async update(merchant: AuthenticatedMerchant, items: PriceUpdateDto[], ip: string | undefined): Promise<PriceDto[]> {
    const before = new Map((await this.list()).map((price) => [price.service, price.amountFen]));
    const changes = items.filter((item) => before.get(item.service) !== item.amountFen);
    const now = new Date();
    for (const item of changes) {
      await this.dataSource
        .getRepository(ServicePrice)
        .upsert({ service: item.service, amountFen: item.amountFen, updatedBy: merchant.id, updatedAt: now }, [
          'service',
        ]);
    }
    if (changes.length > 0) {
      const details = changes.map((item) => ({
        service: item.service,
        from: before.get(item.service),
        to: item.amountFen,
      }));
      await this.audit.recordFor(merchant, 'prices_update', 'prices', { changes: details }, ip);
    }
    return this.list();
  }
}
