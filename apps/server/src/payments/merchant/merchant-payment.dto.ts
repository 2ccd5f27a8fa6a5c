import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { OptionalField } from '../../common/errors/optional-field.js';
import { MerchantListFilterDto } from '../../orders/dto/merchant-list-filter.dto.js';
import { ORDER_KINDS, type OrderKind } from '../../orders/order-status.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../entities/payment.entity.js';
import type { RefundStatus } from '../entities/refund.entity.js';
import type { RefundInitiator } from '../refund-keys.js';

const REFUND_STATUSES: RefundStatus[] = ['pending', 'processing', 'success', 'closed', 'abnormal'];
const INITIATORS: RefundInitiator[] = ['merchant', 'automatic'];

/** `a,b` or repeated `status=a&status=b`: one list either way. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : Array.isArray(value) ? value : value;

/** `GET /api/merchant/payments`: the filters of the merchant's payments list. */
export class MerchantPaymentQueryDto extends MerchantListFilterDto {
  @ApiPropertyOptional({
    type: String,
    description: `Payment statuses, comma-separated (any of ${PAYMENT_STATUSES.join(', ')}); 待支付 is created,paying`,
    example: 'created,paying',
  })
  @OptionalField()
  @Transform(toList)
  @IsArray({ message: '支付状态筛选无效' })
  @ArrayMaxSize(PAYMENT_STATUSES.length, { message: '支付状态筛选无效' })
  @IsIn(PAYMENT_STATUSES, { each: true, message: '支付状态筛选无效' })
  status?: PaymentStatus[];
}

export class MerchantRefundRowDto {
  @ApiProperty() outRefundNo!: string;
  @ApiProperty({ description: 'In fen' }) amountFen!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: REFUND_STATUSES }) status!: RefundStatus;
  @ApiProperty({ description: '提交中 / 退款中 / 已退款 / 退款失败 / 退款异常' }) statusLabel!: string;
  @ApiProperty({ enum: INITIATORS }) initiator!: RefundInitiator;
  @ApiProperty({ description: '商家退款, or 自动退款（why）' }) initiatorLabel!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the money was back with the user' })
  succeededAt!: string | null;
}

/** A row of the merchant's payments list: the order's payment with its refunds, the user masked. */
export class MerchantPaymentRowDto {
  @ApiProperty() id!: number;
  @ApiProperty() orderId!: number;
  @ApiProperty({ description: 'The order number, also the out_trade_no' }) orderNo!: string;
  @ApiProperty({ enum: ORDER_KINDS }) kind!: OrderKind;
  @ApiProperty() title!: string;
  @ApiProperty() userId!: number;
  @ApiProperty({ nullable: true, type: String }) userNickname!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "Last four digits of the user's phone" })
  userPhoneLast4!: string | null;
  @ApiProperty({ description: 'What the order costs, in fen' }) amountFen!: number;
  @ApiProperty({ description: 'What WeChat Pay took, in fen' }) paidFen!: number;
  @ApiProperty({ description: 'What has come back to the user, in fen' }) refundedFen!: number;
  @ApiProperty({ description: 'What may still be refunded (paid minus refunds not failed), in fen' })
  refundableFen!: number;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status!: PaymentStatus;
  @ApiProperty({ description: '待支付 / 已支付 / 已关闭 / 退款中 / 部分退款 / 已退款' }) statusLabel!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "WeChat Pay's transaction id, masked in the middle" })
  transactionId!: string | null;
  @ApiProperty({ type: [MerchantRefundRowDto], description: 'Oldest first' }) refunds!: MerchantRefundRowDto[];
}

export class MerchantPaymentPageDto {
  @ApiProperty({ type: [MerchantPaymentRowDto] }) items!: MerchantPaymentRowDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'Payments matching the filters' }) total!: number;
  @ApiProperty({ description: 'What they took, in fen' }) paidFen!: number;
  @ApiProperty({ description: 'What went back, in fen' }) refundedFen!: number;
}
