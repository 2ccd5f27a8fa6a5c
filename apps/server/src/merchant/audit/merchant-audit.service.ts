import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import type { AuditAction, MerchantAuditEntry, MerchantAuditSink } from '../../auth/merchant-audit.js';
import { Merchant } from '../../auth/merchant.entity.js';
import { maskPayload } from '../../common/crypto/masking.js';
import { decodeCursor, toPage, type Page } from '../../common/keyset.js';
import type { AuditLogEntryDto, AuditLogQueryDto } from './audit-log.dto.js';
import { MerchantAuditLog } from './merchant-audit-log.entity.js';

/** Writes and reads the merchant audit log. Details are masked before they are stored. */
@Injectable()
export class MerchantAuditService implements MerchantAuditSink {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: MerchantAuditEntry): Promise<void> {
    await this.dataSource.getRepository(MerchantAuditLog).insert({
      merchantId: entry.merchant.id,
      merchantUsername: entry.merchant.username.slice(0, 64),
      action: entry.action.slice(0, 32),
      target: (entry.target ?? '').slice(0, 128),
      details: entry.details === undefined ? null : JSON.stringify(maskPayload(entry.details)),
      ip: (entry.ip ?? '').slice(0, 64),
      createdAt: new Date(),
    });
  }

  /** Records an action of the signed-in merchant (its name is read from the account). */
  async recordFor(
    merchant: AuthenticatedMerchant,
    action: AuditAction,
    target: string,
    details: unknown,
    ip: string | undefined,
  ): Promise<void> {
    const account = await this.dataSource
      .getRepository(Merchant)
      .findOne({ where: { id: merchant.id }, select: { id: true, username: true } });
    await this.record({
      merchant: { id: merchant.id, username: account?.username ?? `#${merchant.id}` },
      action,
      target,
      details,
      ip,
    });
  }

  /** Newest first, keyset-paged on the id. */
  async page(query: AuditLogQueryDto): Promise<Page<AuditLogEntryDto>> {
    const limit = query.limit ?? 20;
    const before = decodeCursor(query.cursor);
    const builder = this.dataSource.getRepository(MerchantAuditLog).createQueryBuilder('a');
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.merchantId) builder.andWhere('a.merchant_id = :merchantId', { merchantId: query.merchantId });
    if (before !== undefined) builder.andWhere('a.id < :before', { before });
    const rows = await builder
      .orderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toEntryDto);
  }
}

function toEntryDto(row: MerchantAuditLog): AuditLogEntryDto {
  return {
    id: row.id,
    merchantId: row.merchantId,
    merchantUsername: row.merchantUsername,
    action: row.action,
    target: row.target,
    details: row.details ? (maskPayload(JSON.parse(row.details)) as Record<string, unknown>) : null,
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
  };
}
