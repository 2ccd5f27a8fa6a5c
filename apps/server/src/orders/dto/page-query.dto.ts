import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalField } from '../../common/errors/optional-field.js';

/** Keyset paging of every list: the cursor the previous page returned, and the page size. */
export class PageQueryDto {
  @ApiPropertyOptional()
  @OptionalField()
  @IsString({ message: '分页参数无效' })
  @MaxLength(64, { message: '分页参数无效' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '每页数量必须是整数' })
  @Min(1, { message: '每页数量至少为 1' })
  @Max(100, { message: '每页数量最多为 100' })
  limit?: number;
}
