import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalField } from '../../common/errors/optional-field.js';
import { PageQueryDto } from '../../orders/dto/page-query.dto.js';
import { MISMATCH_KINDS, type MismatchKind } from './mismatch-kinds.js';
import { RUN_STATUSES, type RunStatus } from './reconciliation-run.entity.js';

export class MismatchCountsDto implements Record<MismatchKind, number> {
  @ApiProperty() unknown_payment!: number;
  @ApiProperty() not_paid_here!: number;
  @ApiProperty() amount_mismatch!: number;
  @ApiProperty() transaction_mismatch!: number;
  @ApiProperty() unknown_refund!: number;
  @ApiProperty() refund_status_mismatch!: number;
  @ApiProperty() missing_at_wechat!: number;
  @ApiProperty() refund_missing!: number;
}

export class ReconciliationRunDto {
  @ApiProperty({ description: 'yyyy-MM-dd, China time' }) billDate!: string;
  @ApiProperty({ enum: RUN_STATUSES }) status!: RunStatus;
  @ApiProperty({ description: '对账中 / 已平 / 有差异 / 失败' }) statusLabel!: string;
  @ApiProperty({ description: 'Attempts so far (the job retries a failed day)' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed' }) error!: string | null;
  @ApiProperty() billLines!: number;
  @ApiProperty() matched!: number;
  @ApiProperty() mismatches!: number;
  @ApiProperty({ type: MismatchCountsDto }) counts!: MismatchCountsDto;
  @ApiProperty({ description: "The bill's payments (订单金额), fen" }) wechatPaidFen!: number;
  @ApiProperty({ description: "The bill's refunds, fen" }) wechatRefundFen!: number;
  @ApiProperty({ description: "The bill's fees (手续费), fen" }) wechatFeeFen!: number;
  @ApiProperty({ description: 'Our side of the same payments, fen' }) ourPaidFen!: number;
  @ApiProperty({ description: 'Our side of the same refunds, fen' }) ourRefundFen!: number;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class ReconciliationRunPageDto {
  @ApiProperty({ type: [ReconciliationRunDto] }) items!: ReconciliationRunDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ReconciliationMismatchDto {
  @ApiProperty() id!: number;
  @ApiProperty() billDate!: string;
  @ApiProperty({ enum: MISMATCH_KINDS }) kind!: MismatchKind;
  @ApiProperty({ description: 'The kind in Chinese' }) kindLabel!: string;
  @ApiProperty({ description: 'What exactly differs, in Chinese' }) detail!: string;
  @ApiProperty({ description: 'What the merchant should do, in Chinese' }) advice!: string;
  @ApiProperty() outTradeNo!: string;
  @ApiProperty({ nullable: true, type: String }) outRefundNo!: string | null;
  @ApiProperty({ nullable: true, type: String }) transactionId!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Our order, when the payment is ours' })
  orderId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) wechatFen!: number | null;
  @ApiProperty({ nullable: true, type: Number }) ourFen!: number | null;
  @ApiProperty({ nullable: true, type: String }) wechatStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) ourStatus!: string | null;
  @ApiProperty() createdAt!: string;
}

export class ReconciliationMismatchPageDto {
  @ApiProperty({ type: [ReconciliationMismatchDto] }) items!: ReconciliationMismatchDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MismatchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'One day (yyyy-MM-dd); every day when left out' })
  @OptionalField()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  billDate?: string;
}
