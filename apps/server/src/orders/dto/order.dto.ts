import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ORDER_KINDS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '../order-status.js';
import { OptionalField } from '../../common/errors/optional-field.js';
import { MerchantListFilterDto } from './merchant-list-filter.dto.js';
import { PageQueryDto } from './page-query.dto.js';

/**
 * One step of an order's timeline as its user sees it: who acted, the status change and a Chinese
 * sentence. Vendor codes and references stay out of it (they are the merchant's, in `OrderEventDto`).
 */
export class UserOrderEventDto {
  @ApiProperty() id!: number;
  /** Our own kind of step (created, status_changed, …): for the app's logic, never shown as text. */
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['user', 'vendor', 'system', 'merchant'] }) actor!: 'user' | 'vendor' | 'system' | 'merchant';
  @ApiProperty({ enum: ORDER_STATUSES, nullable: true, type: String }) fromStatus!: OrderStatus | null;
  @ApiProperty({ enum: ORDER_STATUSES, nullable: true, type: String }) toStatus!: OrderStatus | null;
  @ApiProperty() message!: string;
  @ApiProperty() createdAt!: string;
}

/** The merchant's view of a timeline step: the vendor's own status code too. */
export class OrderEventDto extends UserOrderEventDto {
  @ApiProperty({ nullable: true, type: String }) vendorStatus!: string | null;
}

/** An order in its user's list: no vendor status or reference. */
export class OrderSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: ORDER_KINDS }) kind!: OrderKind;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Amount in fen' }) amountFen!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** What is still to pay on an order whose payment is open. */
export class PayableDto {
  @ApiProperty({ description: 'In fen' }) amountFen!: number;
  @ApiProperty({ description: 'The order closes then unless paid' }) expiresAt!: string;
}

/** An order in 我的订单: with what is still to pay when it waits for its payment. */
export class MyOrderSummaryDto extends OrderSummaryDto {
  @ApiProperty({ type: PayableDto, nullable: true, description: '待支付: the open payment; null otherwise' })
  payable!: PayableDto | null;
}

export class OrderPageDto {
  @ApiProperty({ type: [MyOrderSummaryDto] }) items!: MyOrderSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class OrderDetailDto extends OrderSummaryDto {
  @ApiProperty({ type: [UserOrderEventDto] }) events!: UserOrderEventDto[];
}

export class MerchantOrderSummaryDto extends OrderSummaryDto {
  @ApiProperty({ nullable: true, type: String }) vendorStatus!: string | null;
  @ApiProperty() userId!: number;
  @ApiProperty({ nullable: true, type: String }) vendorRef!: string | null;
}

/** A row of the merchant's list: the order and who placed it, masked (nickname, last four of the phone). */
export class MerchantOrderListItemDto extends MerchantOrderSummaryDto {
  @ApiProperty({ nullable: true, type: String }) userNickname!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "Last four digits of the user's phone" })
  userPhoneLast4!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The vendor's status in words (null: none, or unknown)" })
  vendorStatusLabel!: string | null;
}

export class MerchantOrderPageDto {
  @ApiProperty({ type: [MerchantOrderListItemDto] }) items!: MerchantOrderListItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MerchantOrderDetailDto {
  @ApiProperty({ type: MerchantOrderSummaryDto }) order!: MerchantOrderSummaryDto;
  @ApiProperty({ type: [OrderEventDto] }) events!: OrderEventDto[];
}

/**
 * The tabs of 我的订单: each a set of statuses (`MY_ORDER_TAB_STATUSES`), and 待支付: orders whose
 * payment is open (not paid, not closed, not expired).
 */
export const MY_ORDER_TABS = ['awaiting_payment', 'in_progress', 'action_required', 'completed', 'closed'] as const;
export type MyOrderTab = (typeof MY_ORDER_TABS)[number];
export const MY_ORDER_TAB_STATUSES: Record<Exclude<MyOrderTab, 'awaiting_payment'>, OrderStatus[]> = {
  in_progress: ['pending', 'processing'],
  action_required: ['action_required'],
  completed: ['completed'],
  closed: ['failed', 'cancelled'],
};

export class MyOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: MY_ORDER_TABS,
    description:
      'awaiting_payment: the payment is open; in_progress: pending or processing; closed: failed or cancelled; absent: every order',
  })
  @OptionalField()
  @IsIn(MY_ORDER_TABS, { message: '订单状态筛选无效' })
  status?: MyOrderTab;
}

export const MERCHANT_ORDER_SORTS = ['desc', 'asc'] as const;
export type MerchantOrderSort = (typeof MERCHANT_ORDER_SORTS)[number];

/** The merchant's order list: the filters every merchant list shares, plus the order's own. */
export class MerchantOrderQueryDto extends MerchantListFilterDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @OptionalField()
  @IsIn(ORDER_STATUSES, { message: '订单状态无效' })
  status?: OrderStatus;

  @ApiPropertyOptional({ description: "The vendor's reference of the order, exact" })
  @OptionalField()
  @IsString({ message: '服务商单号格式不正确' })
  @MaxLength(64, { message: '服务商单号格式不正确' })
  vendorRef?: string;

  @ApiPropertyOptional({ description: "Last four digits of the user's phone" })
  @OptionalField()
  @Matches(/^\d{4}$/, { message: '手机尾号应为 4 位数字' })
  phoneLast4?: string;

  @ApiPropertyOptional({ enum: MERCHANT_ORDER_SORTS, default: 'desc', description: 'By time: newest or oldest first' })
  @OptionalField()
  @IsIn(MERCHANT_ORDER_SORTS, { message: '排序方式应为 desc（最新在前）或 asc（最早在前）' })
  sort?: MerchantOrderSort;
}
