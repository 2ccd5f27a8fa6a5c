import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ORDER_KINDS, type OrderKind } from '../../orders/order-status.js';

export class SubscribeTemplatesQueryDto {
  @ApiProperty({ enum: ORDER_KINDS, description: 'The kind of order the user is about to submit' })
  @IsIn(ORDER_KINDS, { message: '业务类型不正确' })
  kind!: OrderKind;
}

export class SubscribeTemplatesDto {
  @ApiProperty({ type: [String], description: 'Pass these to requestSubscribeMessage (empty: nothing to ask)' })
  templateIds!: string[];
}

export class SubscribeAnswerDto {
  @ApiProperty()
  @IsString({ message: '消息类型不正确' })
  @MaxLength(64, { message: '消息类型不正确' })
  templateId!: string;

  @ApiProperty({ enum: ['accept', 'reject', 'ban', 'filter'], description: "requestSubscribeMessage's answer" })
  @IsIn(['accept', 'reject', 'ban', 'filter'], { message: '订阅结果不正确' })
  answer!: 'accept' | 'reject' | 'ban' | 'filter';
}

export class SubscribeAnswersDto {
  @ApiProperty({ type: [SubscribeAnswerDto] })
  @IsArray({ message: '订阅结果不正确' })
  @ArrayMinSize(1, { message: '订阅结果不能为空' })
  @ArrayMaxSize(5, { message: '一次最多订阅 5 种消息' })
  @ValidateNested({ each: true })
  @Type(() => SubscribeAnswerDto)
  results!: SubscribeAnswerDto[];
}
