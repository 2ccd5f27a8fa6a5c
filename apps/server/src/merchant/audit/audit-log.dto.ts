import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Min } from 'class-validator';
import { PageQueryDto } from '../../orders/dto/page-query.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';
import { AUDIT_ACTIONS, type AuditAction } from '../../auth/merchant-audit.js';

export { AUDIT_ACTIONS, type AuditAction };

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @OptionalField()
  @IsIn(AUDIT_ACTIONS, { message: '操作类型无效' })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Only the actions of this merchant account' })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '账号 ID 无效' })
  @Min(1, { message: '账号 ID 无效' })
  merchantId?: number;
}

export class AuditLogEntryDto {
  @ApiProperty() id!: number;
  @ApiProperty() merchantId!: number;
  @ApiProperty() merchantUsername!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS, type: String }) action!: string;
  @ApiProperty({ description: 'e.g. order:12, vendor_event:3, merchant:2' }) target!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Masked' })
  details!: Record<string, unknown> | null;
  @ApiProperty() ip!: string;
  @ApiProperty() createdAt!: string;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogEntryDto] }) items!: AuditLogEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
