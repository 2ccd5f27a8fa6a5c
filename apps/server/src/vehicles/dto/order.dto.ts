import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Min } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/order-status.js';
import { OrderEventDto, UserOrderEventDto } from '../../orders/dto/order.dto.js';
import { PaymentViewDto } from '../../payments/dto/payment.dto.js';
import { PHONE } from './car.dto.js';
import { QuoteLineDto, QuoteRequestDto } from './violation.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export class CreateViolationOrderDto extends QuoteRequestDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择车辆' })
  @Min(1, { message: '请选择车辆' })
  carId!: number;

  @ApiPropertyOptional({ description: 'The total the user confirmed; refused if the price changed meanwhile' })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '金额有误，请返回重新确认' })
  @Min(0, { message: '金额有误，请返回重新确认' })
  expectedTotalFen?: number;

  @ApiPropertyOptional({
    description: 'What the user agreed to pay here (the quote’s payFen); required when payFen > 0, 409 if it changed',
  })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '金额有误，请返回重新确认' })
  @Min(0, { message: '金额有误，请返回重新确认' })
  amountFen?: number;

  @ApiPropertyOptional({
    description: 'Same as the Idempotency-Key header (one of them is required): one key, one order',
  })
  @OptionalField()
  @IsString({ message: '请求标识有误，请返回重新提交' })
  @Matches(IDEMPOTENCY_KEY, { message: '请求标识有误，请返回重新提交' })
  idempotencyKey?: string;

  @ApiPropertyOptional({ description: 'The owner’s phone, when the quote said `phoneNeeded` (saved, encrypted)' })
  @OptionalField()
  @Matches(PHONE, { message: '请填写正确的 11 位手机号' })
  phone?: string;
}

export class OrderLineDto extends QuoteLineDto {
  @ApiProperty() address!: string;
  @ApiProperty({ nullable: true, type: String }) city!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'As the vendor last reported it' })
  processStatus!: number | null;
  @ApiProperty() processStatusLabel!: string;
}

export class VehicleOrderDto {
  @ApiProperty({ description: 'The order id (as in /api/orders/:id)' }) id!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ description: 'Where the agency payment stands, in words for the user' }) progressLabel!: string;
  @ApiProperty({ description: 'The vendor took the order without giving its number: customer service checks it' })
  awaitingCheck!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty() carId!: number;
  @ApiProperty({ description: 'Masked' }) plateNumber!: string;
  @ApiProperty({ enum: ['credit', 'online'] }) paymentMode!: 'credit' | 'online';
  @ApiProperty({ nullable: true, type: String, description: 'Where to pay (online mode, while unpaid)' })
  payUrl!: string | null;
  @ApiProperty({ type: [OrderLineDto] }) lines!: OrderLineDto[];
  @ApiProperty() fineFen!: number;
  @ApiProperty() serviceFeeFen!: number;
  @ApiProperty() markFeeFen!: number;
  @ApiProperty() totalFen!: number;
  @ApiProperty({ description: 'Refunded (partly done or closed after payment)' }) refundFen!: number;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the order could not be placed' })
  failureMessage!: string | null;
  @ApiProperty() deductSelf!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [UserOrderEventDto] }) events!: UserOrderEventDto[];
  @ApiProperty({
    type: PaymentViewDto,
    nullable: true,
    description: 'The user’s WeChat Pay payment when the order is paid here first (credit mode), else null',
  })
  payment!: PaymentViewDto | null;
}

export class MerchantVehicleOrderDto extends VehicleOrderDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Vendor order status 1–4' }) vendorStatus!: number | null;
  @ApiProperty() vendorStatusLabel!: string;
  @ApiProperty({ type: [OrderEventDto] }) declare events: OrderEventDto[];
  @ApiProperty() userId!: number;
  @ApiProperty({ nullable: true, type: String }) vendorOrderId!: string | null;
  @ApiProperty({ description: 'Our order number at the vendor' }) outOrderNo!: string;
  @ApiProperty({ enum: ['priced', 'creating', 'created', 'refused', 'unknown'] }) state!: string;
  @ApiProperty({ nullable: true, type: String }) failureCode!: string | null;
  @ApiProperty() lastVendorUpdateAt!: string;
}
