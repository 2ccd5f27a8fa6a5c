import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { MAX_PRICE_FEN, PRICED_SERVICE_KEYS, type PricedService } from '../prices.js';

export class PriceDto {
  @ApiProperty({ enum: PRICED_SERVICE_KEYS }) service!: PricedService;
  @ApiProperty() label!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ description: 'In fen; 0 = free (no payment step)' }) amountFen!: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class PriceListDto {
  @ApiProperty({ type: [PriceDto] }) items!: PriceDto[];
}

export class PriceUpdateDto {
  @ApiProperty({ enum: PRICED_SERVICE_KEYS })
  @IsIn(PRICED_SERVICE_KEYS, { message: '没有这项服务' })
  service!: PricedService;

  @ApiProperty({ description: 'In fen; 0 = free' })
  @Type(() => Number)
  @IsInt({ message: '价格须为整数（分）' })
  @Min(0, { message: '价格不能为负' })
  @Max(MAX_PRICE_FEN, { message: '价格不能超过 ¥10000' })
  amountFen!: number;
}

export class PricesUpdateDto {
  @ApiProperty({ type: [PriceUpdateDto] })
  @IsArray({ message: '价格列表不正确' })
  @ArrayMaxSize(50, { message: '价格列表不正确' })
  @ValidateNested({ each: true })
  @Type(() => PriceUpdateDto)
  items!: PriceUpdateDto[];
}
