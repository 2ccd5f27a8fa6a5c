import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrderViewDescribers, type OrderViewDescriber, type ViewSection } from '../orders/view/order-view.js';
import { chinaMinute, section, text } from '../orders/view/view-format.js';
import { IdentityCertification } from './entities/identity-certification.entity.js';
import { toCertificationDto } from './identity-records.service.js';

/** The identity order for the merchant: whose identity (masked), Zhima's answer and its reference. */
@Injectable()
export class IdentityOrderView implements OrderViewDescriber, OnModuleInit {
  readonly kind = 'identity' as const;

  constructor(
    private readonly describers: OrderViewDescribers,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.describers.register(this);
  }

  /** The steps identity records are already in words (认证通过 / 认证未通过). */
  vendorStatusLabel(vendorStatus: string): string | null {
    return /^[\u4e00-\u9fa5（）]+$/.test(vendorStatus) ? vendorStatus : null;
  }

  async sections(orderId: number): Promise<ViewSection[]> {
    const row = await this.dataSource.getRepository(IdentityCertification).findOneBy({ orderId });
    if (!row) return [];
    const dto = toCertificationDto(row, '');
    return [
      section('identity.result', '实名认证', [
        text('姓名', dto.name),
        text('身份证号', dto.idNumber),
        text('认证结果', dto.passed ? '通过' : '未通过', dto.passed ? 'success' : 'danger'),
        dto.failedReason ? text('未通过原因', dto.failedReason, 'danger') : null,
        dto.advice ? text('原因说明', dto.advice.title) : null,
        dto.advice ? text('建议', dto.advice.detail) : null,
        text('认证流水号', row.transactionId),
        text('认证时间', chinaMinute(dto.createdAt)),
        text('人脸照片', '认证结束即删除，不保存'),
      ]),
    ];
  }
}
