import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ORDER_KINDS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '../order-status.js';

export class OrderEventDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['user', 'vendor', 'system', 'merchant'] }) actor!: 'user' | 'vendor' | 'system' | 'merchant';
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ORDER_STATUSES, nullable: true, type: String }) fromStatus!: OrderStatus | null;
  @ApiProperty({ enum: ORDER_STATUSES, nullable: true, type: String }) toStatus!: OrderStatus | null;
  @ApiProperty({ nullable: true, type: String }) vendorStatus!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty() createdAt!: string;
}

export class OrderSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: ORDER_KINDS }) kind!: OrderKind;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ nullable: true, type: String }) vendorStatus!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Amount in fen' }) amountFen!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderSummaryDto] }) items!: OrderSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class OrderDetailDto extends OrderSummaryDto {
  @ApiProperty({ type: [OrderEventDto] }) events!: OrderEventDto[];
}

export class MerchantOrderSummaryDto extends OrderSummaryDto {
  @ApiProperty() userId!: number;
  @ApiProperty({ nullable: true, type: String }) vendorRef!: string | null;
}

export class MerchantOrderPageDto {
  @ApiProperty({ type: [MerchantOrderSummaryDto] }) items!: MerchantOrderSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MerchantOrderDetailDto {
  @ApiProperty({ type: MerchantOrderSummaryDto }) order!: MerchantOrderSummaryDto;
  @ApiProperty({ type: [OrderEventDto] }) events!: OrderEventDto[];
}

export class PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '分页参数无效' })
  @MaxLength(64, { message: '分页参数无效' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页数量必须是整数' })
  @Min(1, { message: '每页数量至少为 1' })
  @Max(100, { message: '每页数量最多为 100' })
  limit?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const MERCHANT_ORDER_SORTS = ['desc', 'asc'] as const;
export type MerchantOrderSort = (typeof MERCHANT_ORDER_SORTS)[number];

export class MerchantOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_KINDS })
  @IsOptional()
  @IsIn(ORDER_KINDS, { message: '订单类型无效' })
  kind?: OrderKind;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES, { message: '订单状态无效' })
  status?: OrderStatus;

  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD (China time)' })
  @IsOptional()
  @Matches(DATE, { message: '开始日期格式应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD (China time), inclusive' })
  @IsOptional()
  @Matches(DATE, { message: '结束日期格式应为 YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'Order number, exact' })
  @IsOptional()
  @IsString({ message: '订单号格式不正确' })
  @MaxLength(32, { message: '订单号格式不正确' })
  orderNo?: string;

  @ApiPropertyOptional({ description: "The vendor's reference of the order, exact" })
  @IsOptional()
  @IsString({ message: '服务商单号格式不正确' })
  @MaxLength(64, { message: '服务商单号格式不正确' })
  vendorRef?: string;

  @ApiPropertyOptional({ description: "Last four digits of the user's phone" })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '手机尾号应为 4 位数字' })
  phoneLast4?: string;

  @ApiPropertyOptional({ enum: MERCHANT_ORDER_SORTS, default: 'desc', description: 'By time: newest or oldest first' })
  @IsOptional()
  @IsIn(MERCHANT_ORDER_SORTS, { message: '排序方式应为 desc（最新在前）或 asc（最早在前）' })
  sort?: MerchantOrderSort;
}
