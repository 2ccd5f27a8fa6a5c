import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { MerchantOrderDetailDto, MerchantOrderQueryDto, MerchantOrderSummaryDto } from '../../orders/dto/order.dto.js';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/order-status.js';
import { VendorCallbackDto } from './callback.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';

export class MerchantOrderCountsDto {
  @ApiProperty({ description: 'Orders matching the filters' }) total!: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(ORDER_STATUSES.map((status) => [status, { type: 'integer' }])),
    required: [...ORDER_STATUSES],
    selfRequired: true,
    description: 'Orders per status (every status present, 0 when none)',
  })
  byStatus!: Record<OrderStatus, number>;
}

export class MerchantOrderUserDto {
  @ApiProperty() id!: number;
  @ApiProperty() nickname!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Masked, e.g. 138****5678' }) phone!: string | null;
  @ApiProperty() createdAt!: string;
}

/** `GET /api/merchant/orders/:id`: the earlier `{order, events}` plus the user and the callbacks. */
export class MerchantConsoleOrderDetailDto extends MerchantOrderDetailDto {
  @ApiProperty({ type: MerchantOrderUserDto, nullable: true }) user!: MerchantOrderUserDto | null;
  @ApiProperty({ type: [VendorCallbackDto], description: 'Every vendor callback applied to this order' })
  callbacks!: VendorCallbackDto[];
  @ApiProperty({ description: "The vendor of this kind can be asked for the order's status" })
  canRefreshStatus!: boolean;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class MerchantOrderExportQueryDto extends MerchantOrderQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, required: false, default: 'csv' })
  @OptionalField()
  @IsIn(EXPORT_FORMATS, { message: '导出格式应为 csv 或 xlsx' })
  format?: ExportFormat;

  @ApiProperty({
    required: false,
    description: 'Only these order ids, comma-separated (a selection, at most 500); the filters still apply',
    example: '12,15,18',
  })
  @OptionalField()
  @Matches(/^\d{1,12}(,\d{1,12}){0,499}$/, { message: '所选订单无效，请重新勾选后导出（一次最多 500 单）' })
  ids?: string;
}

export class RefreshedOrderDto {
  @ApiProperty({ type: MerchantOrderSummaryDto }) order!: MerchantOrderSummaryDto;
  @ApiProperty({ description: 'The status changed because of the answer' }) changed!: boolean;
}
