import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { PaymentViewDto } from '../../payments/dto/payment.dto.js';
import { CertificationDto } from './certification.dto.js';
import { CertifyIdentityDto } from './certify.dto.js';

/** A priced attempt: the identity to check and the price the user was shown (JSON, no photo yet). */
export class StartIdentityAttemptDto extends CertifyIdentityDto {
  @ApiProperty({ description: 'The price per attempt the user saw, in fen (GET /identity/status priceFen)' })
  @IsInt({ message: '请确认实名认证费用' })
  @Min(1, { message: '请确认实名认证费用' })
  amountFen!: number;
}

export const ATTEMPT_STATES = ['awaiting_payment', 'awaiting_photo', 'done', 'refused', 'expired', 'closed'] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];

/** A priced attempt as its user sees it: masked identity, its payment, then Zhima's verdict. */
export class IdentityAttemptDto {
  @ApiProperty() orderId!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ description: 'Masked name' }) name!: string;
  @ApiProperty({ description: 'Masked ID number' }) idNumber!: string;
  @ApiProperty({ enum: ATTEMPT_STATES }) state!: AttemptState;
  /** 待支付, 待拍照认证, 认证通过, 认证未通过, 认证未受理, 超时未认证, 支付超时 … */
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Until when the paid user may take the face photo' }) faceDueAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why Zhima refused the request (refunded in full)' })
  refusedReason!: string | null;
  @ApiProperty({ type: PaymentViewDto }) payment!: PaymentViewDto;
  @ApiProperty({ nullable: true, type: CertificationDto }) certification!: CertificationDto | null;
}
