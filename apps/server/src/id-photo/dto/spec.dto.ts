import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { OptionalField } from '../../common/errors/optional-field.js';
import { ZJZ_PARAM_KINDS, type ZjzParamKind } from '@banshi/vendor-clients/zjz';

export class SpecParamDto {
  @ApiProperty({ example: 'text_idcard' }) name!: string;
  @ApiProperty({ example: '身份证号' }) label!: string;
  @ApiProperty({ enum: ZJZ_PARAM_KINDS, enumName: 'SpecParamKind' }) kind!: ZjzParamKind;
  @ApiProperty() required!: boolean;
}

export class SpecDto {
  @ApiProperty({ description: "The vendor's item_id" }) itemId!: number;
  @ApiProperty({ example: '身份证' }) name!: string;
  @ApiProperty({ example: '证件照' }) category!: string;
  @ApiProperty() categoryId!: number;
  @ApiProperty({ description: 'Width in millimetres' }) widthMm!: number;
  @ApiProperty({ description: 'Height in millimetres' }) heightMm!: number;
  @ApiProperty({ description: 'Width in pixels' }) widthPx!: number;
  @ApiProperty({ description: 'Height in pixels' }) heightPx!: number;
  @ApiProperty() dpi!: number;
  @ApiProperty({ type: [String], example: ['white', 'blue'] }) colors!: string[];
  @ApiProperty({ description: "The vendor's wording of the file size rule", example: '20-60KB' }) fileSizeMsg!: string;
  @ApiProperty({ type: [SpecParamDto] }) params!: SpecParamDto[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'Sets of params of which one must be complete',
  })
  oneOf!: string[][];
  @ApiProperty({ description: 'Whether a done order also gets a print layout' }) printLayout!: boolean;
  @ApiProperty({ description: "What the user pays for the receipt (the merchant's price), fen; 0 = free" })
  priceFen!: number;
  @ApiProperty({ description: 'What the user pays extra for printing and mailing, fen; 0 = free' })
  printPriceFen!: number;
}

export class SpecCategoryDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() count!: number;
}

export class SpecListDto {
  @ApiProperty({ type: [SpecCategoryDto], description: 'Every category, whatever the filter' })
  categories!: SpecCategoryDto[];
  @ApiProperty({ type: [SpecDto] }) items!: SpecDto[];
}

export class SpecQueryDto {
  @ApiPropertyOptional({ description: 'Matches the name or the category' })
  @OptionalField()
  @IsString({ message: '搜索内容无效' })
  @MaxLength(32, { message: '搜索内容太长' })
  q?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '分类无效' })
  @Min(1, { message: '分类无效' })
  categoryId?: number;
}
