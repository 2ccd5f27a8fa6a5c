import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches, MaxLength } from 'class-validator';
import { OptionalField } from '../../common/errors/optional-field.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../entities/payment.entity.js';

export class PaymentLineDto {
  @ApiProperty({ example: '证件照回执' }) label!: string;
  @ApiProperty({ description: 'In fen' }) amountFen!: number;
}

/** An order's payment as its user sees it: amounts in fen and a Chinese label, no WeChat Pay ids. */
export class PaymentViewDto {
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status!: PaymentStatus;
  /** 待支付, 已支付, 退款中, 已退款 ¥148.00, 已关闭 … */
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'What the order costs, in fen' }) amountFen!: number;
  @ApiProperty({ type: [PaymentLineDto], description: 'What the amount is made of, as shown before committing' })
  lines!: PaymentLineDto[];
  @ApiProperty({ description: 'What WeChat Pay took, in fen' }) paidFen!: number;
  @ApiProperty({ description: 'What has come back, in fen' }) refundedFen!: number;
  @ApiProperty({ description: 'Unpaid orders close then' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
}

/** `wx.requestPayment`'s parameters, signed on the server (小程序调起支付). */
export class RequestPaymentDto {
  @ApiProperty() timeStamp!: string;
  @ApiProperty() nonceStr!: string;
  @ApiProperty({ description: 'prepay_id=…' }) package!: string;
  @ApiProperty({ enum: ['RSA'] }) signType!: 'RSA';
  @ApiProperty() paySign!: string;
}

export class PaymentStartDto {
  @ApiProperty({ type: PaymentViewDto }) payment!: PaymentViewDto;
  @ApiProperty({ type: RequestPaymentDto }) requestPayment!: RequestPaymentDto;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Sandbox only: the cashier page that stands in for wx.requestPayment in H5',
  })
  cashierUrl!: string | null;
}

export class PaymentStartRequestDto {
  @ApiPropertyOptional({ description: 'H5: where the sandbox cashier sends the browser back to' })
  @OptionalField()
  @MaxLength(1000, { message: '返回地址过长' })
  @Matches(/^https?:\/\//, { message: '返回地址不正确' })
  returnUrl?: string;
}
