import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ORDER_KINDS, type OrderKind } from '../../orders/order-status.js';
import { OptionalField } from '../../common/errors/optional-field.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DashboardQueryDto {
  @ApiPropertyOptional({ description: 'First China day, YYYY-MM-DD (default: 6 days before `to`)' })
  @OptionalField()
  @Matches(DATE, { message: '开始日期格式应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last China day, inclusive (default: today)' })
  @OptionalField()
  @Matches(DATE, { message: '结束日期格式应为 YYYY-MM-DD' })
  to?: string;
}

export class DayKindCountDto {
  @ApiProperty({ description: 'China day, YYYY-MM-DD' }) day!: string;
  @ApiProperty({ enum: ORDER_KINDS }) kind!: OrderKind;
  @ApiProperty() count!: number;
}

export class KindStatsDto {
  @ApiProperty({ enum: ORDER_KINDS }) kind!: OrderKind;
  @ApiProperty({ description: 'Orders created in the period' }) total!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ description: 'Rejected by the vendor or failed' }) failed!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty({ description: 'Not final yet' }) open!: number;
  @ApiProperty({ description: 'completed / total, 0…1' }) completionRate!: number;
  @ApiProperty({ description: 'failed / total, 0…1' }) failureRate!: number;
  @ApiProperty({ description: 'Sum of the completed orders, in fen' }) amountFen!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean seconds from creation to completion' })
  avgCompletionSeconds!: number | null;
}

export class VendorStatsDto {
  @ApiProperty() vendor!: string;
  @ApiProperty({ description: 'Callbacks received in the period' }) total!: number;
  @ApiProperty() applied!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: '(rejected + failed) / total, 0…1' }) errorRate!: number;
}

export class DashboardTotalsDto {
  @ApiProperty() orders!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() amountFen!: number;
}

export class DashboardDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [String], description: 'Every China day of the period' }) days!: string[];
  @ApiProperty({ type: [DayKindCountDto], description: 'Orders created per day and kind (zeros included)' })
  perDay!: DayKindCountDto[];
  @ApiProperty({ type: [KindStatsDto] }) kinds!: KindStatsDto[];
  @ApiProperty({ type: [VendorStatsDto] }) vendors!: VendorStatsDto[];
  @ApiProperty({ type: DashboardTotalsDto }) totals!: DashboardTotalsDto;
}
