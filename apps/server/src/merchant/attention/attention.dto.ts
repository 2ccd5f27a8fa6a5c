import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { MerchantOrderSummaryDto } from '../../orders/dto/order.dto.js';
import { PageQueryDto } from '../../orders/dto/page-query.dto.js';
import { ORDER_KINDS, type OrderKind } from '../../orders/order-status.js';
import { VendorCallbackDto } from '../dto/callback.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';

export const ATTENTION_CALLBACK_STATUSES = ['failed', 'rejected'] as const;

export class AttentionCallbackQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ATTENTION_CALLBACK_STATUSES, description: 'Default: both' })
  @OptionalField()
  @IsIn(ATTENTION_CALLBACK_STATUSES, { message: '回调状态应为 failed（处理失败）或 rejected（验签失败）' })
  status?: (typeof ATTENTION_CALLBACK_STATUSES)[number];

  @ApiPropertyOptional({ description: 'zjz, yundou, docloud, …' })
  @OptionalField()
  @IsString({ message: '服务商无效' })
  @MaxLength(32, { message: '服务商无效' })
  vendor?: string;
}

export class AttentionCallbackPageDto {
  @ApiProperty({ type: [VendorCallbackDto] }) items!: VendorCallbackDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class StuckOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_KINDS })
  @OptionalField()
  @IsIn(ORDER_KINDS, { message: '订单类型无效' })
  kind?: OrderKind;
}

export class StuckOrderDto extends MerchantOrderSummaryDto {
  @ApiProperty({ description: 'When the status last changed' }) statusChangedAt!: string;
  @ApiProperty({ description: 'Minutes in the current status' }) stuckMinutes!: number;
  @ApiProperty({ description: "This kind's threshold (STUCK_ORDER_MINUTES)" }) thresholdMinutes!: number;
  @ApiProperty({ description: 'The vendor can be asked for the status' }) canRefreshStatus!: boolean;
}

export class StuckOrderPageDto {
  @ApiProperty({ type: [StuckOrderDto] }) items!: StuckOrderDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class AttentionSummaryDto {
  @ApiProperty({ description: 'Callbacks that failed while applying, waiting for a retry or a replay' })
  failedCallbacks!: number;
  @ApiProperty({ description: 'Callbacks rejected by verification in the last 7 days' }) rejectedCallbacks!: number;
  @ApiProperty({ description: 'Orders longer than their threshold in a non-final status' }) stuckOrders!: number;
  @ApiProperty({ description: "Differences the daily reconciliation with WeChat Pay's bill found" })
  reconciliationMismatches!: number;
  @ApiProperty({ description: 'Vendor calls whose outcome is unknown and that only a person can settle now' })
  unknownCalls!: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(ORDER_KINDS.map((kind) => [kind, { type: 'integer' }])),
    required: [...ORDER_KINDS],
    selfRequired: true,
    description: 'Minutes per kind after which an order is stuck',
  })
  thresholds!: Record<OrderKind, number>;
}

export class ReplayResultDto {
  @ApiProperty({ description: 'The callback is now applied' }) applied!: boolean;
  @ApiProperty({ type: VendorCallbackDto }) callback!: VendorCallbackDto;
}
