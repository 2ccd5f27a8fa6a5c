import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalField } from '../../common/errors/optional-field.js';
import { ORDER_KINDS, type OrderKind } from '../order-status.js';
import { PageQueryDto } from './page-query.dto.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters the merchant's lists share (orders, payments): the kind of order, the days it was placed
 * on, its number and its amount. Each list adds its own (order status, payment statuses, …).
 */
export class MerchantListFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_KINDS })
  @OptionalField()
  @IsIn(ORDER_KINDS, { message: '订单类型无效' })
  kind?: OrderKind;

  @ApiPropertyOptional({ description: 'First day the order was placed, YYYY-MM-DD (China time)' })
  @OptionalField()
  @Matches(DATE, { message: '开始日期格式应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD (China time), inclusive' })
  @OptionalField()
  @Matches(DATE, { message: '结束日期格式应为 YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'Order number, exact (it is also the out_trade_no at WeChat Pay)' })
  @OptionalField()
  @IsString({ message: '订单号格式不正确' })
  @MaxLength(32, { message: '订单号格式不正确' })
  orderNo?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Smallest amount, in fen, inclusive' })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '最低金额应为整数（分）' })
  @Min(0, { message: '最低金额不能为负数' })
  @Max(100_000_000, { message: '最低金额过大' })
  minAmountFen?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Largest amount, in fen, inclusive' })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '最高金额应为整数（分）' })
  @Min(0, { message: '最高金额不能为负数' })
  @Max(100_000_000, { message: '最高金额过大' })
  maxAmountFen?: number;
}
