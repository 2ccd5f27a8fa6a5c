import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { PaymentViewDto } from './payment.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class MerchantRefundRequestDto {
  @ApiProperty({ description: 'In fen; at most what is left to refund' })
  @Type(() => Number)
  @IsInt({ message: '退款金额须为整数（分）' })
  @Min(1, { message: '退款金额须大于 0' })
  amountFen!: number;

  @ApiProperty({ description: 'Shown to the user by WeChat Pay and on the order timeline' })
  @Transform(trim)
  @IsString({ message: '请填写退款原因' })
  @MinLength(2, { message: '请填写退款原因' })
  @MaxLength(60, { message: '退款原因最多 60 个字' })
  reason!: string;

  @ApiProperty({
    description: 'Made once per refund dialog: the same id is the same refund (a double submit refunds once)',
  })
  @Matches(/^[A-Za-z0-9]{8,32}$/, { message: '请求编号不正确，请重新打开退款窗口' })
  requestId!: string;
}

export class MerchantRefundDto {
  @ApiProperty() outRefundNo!: string;
  @ApiProperty() amountFen!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'processing', 'success', 'closed', 'abnormal'] }) status!: string;
  @ApiProperty({ type: PaymentViewDto }) payment!: PaymentViewDto;
}
