import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../orders/dto/page-query.dto.js';

export class PendingCallQueryDto extends PageQueryDto {}

export class PersonChoiceDto {
  @ApiProperty() value!: string;
  @ApiProperty({ description: 'What the answer means, in Chinese' }) label!: string;
}

export class PendingCallDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'zjz, zhima, docloud, wechatpay' }) vendor!: string;
  @ApiProperty({ description: 'submit, certify, prepay, refund, …' }) operation!: string;
  @ApiProperty({ description: 'order, payment, refund, …' }) subjectKind!: string;
  @ApiProperty({ description: 'Our order no, out_trade_no or out_refund_no' }) subjectId!: string;
  @ApiProperty() idempotencyKey!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) errorClass!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'What was asked, masked (JSON)' })
  requestSummary!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() attentionAt!: string;
  @ApiProperty({ description: 'Where to look the call up, in Chinese' }) advice!: string;
  @ApiProperty({ type: [PersonChoiceDto] }) choices!: PersonChoiceDto[];
}

export class PendingCallPageDto {
  @ApiProperty({ type: [PendingCallDto] }) items!: PendingCallDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class SettleCallDto {
  @ApiProperty({ description: "One of the item's choices" })
  @IsString({ message: '请选择处理结果' })
  @IsNotEmpty({ message: '请选择处理结果' })
  @MaxLength(32, { message: '处理结果无效' })
  choice!: string;

  @ApiProperty({ description: 'What the person found (where, which record); kept in the ledger and the audit log' })
  @IsString({ message: '请填写处理说明' })
  @IsNotEmpty({ message: '请填写处理说明（在服务商后台查到了什么）' })
  @MaxLength(255, { message: '处理说明最多 255 个字' })
  note!: string;
}

export class SettleCallResultDto {
  @ApiProperty() id!: number;
  @ApiProperty() status!: string;
}
