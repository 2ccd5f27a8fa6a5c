import { ApiProperty } from '@nestjs/swagger';
import { MerchantOrderSummaryDto } from '../../orders/dto/order.dto.js';
import { MerchantPaymentRowDto } from '../../payments/merchant/merchant-payment.dto.js';

const TONES = ['normal', 'warning', 'danger', 'success'];

export class ViewFieldDto {
  @ApiProperty({ description: 'In Chinese, for a person' }) label!: string;
  @ApiProperty({ description: 'Formatted for a person: money in ¥, China time, enums in words, masked' })
  value!: string;
  @ApiProperty({ enum: ['text', 'image', 'link'], required: false }) type?: 'text' | 'image' | 'link';
  @ApiProperty({ nullable: true, type: String, required: false, description: 'Signed URL of an image or file' })
  url?: string | null;
  @ApiProperty({ enum: TONES, required: false }) tone?: 'normal' | 'warning' | 'danger' | 'success';
}

export class ViewSectionDto {
  @ApiProperty({ description: 'Stable key for tests and styling, never shown' }) key!: string;
  @ApiProperty({ description: 'In Chinese' }) title!: string;
  @ApiProperty({ type: [ViewFieldDto] }) fields!: ViewFieldDto[];
}

export class TimelineEntryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'China time, YYYY-MM-DD HH:mm' }) at!: string;
  @ApiProperty({ description: '用户 / 服务商 / 系统 / 商家' }) actor!: string;
  @ApiProperty({ description: 'What happened, in Chinese' }) text!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The status reached, in words' })
  status!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The vendor's status, in words" })
  vendorStatus!: string | null;
}

export class VendorEventViewDto {
  @ApiProperty({ description: 'cb-<id> for a callback, ev-<id> for an answer to our query' }) key!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The callback id (for replay); null for a query' })
  callbackId!: number | null;
  @ApiProperty({ description: '回调 or 查询' }) source!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'What the event is, in Chinese' }) title!: string;
  @ApiProperty({ description: '验签通过 / 验签失败 / 主动查询（无需验签）' }) verification!: string;
  @ApiProperty({ description: 'What applying it did, in Chinese' }) result!: string;
  @ApiProperty({ enum: ['success', 'warning', 'danger', 'normal'] }) tone!: 'success' | 'warning' | 'danger' | 'normal';
  @ApiProperty({ type: [ViewFieldDto], description: 'Counts and reasons, labelled' }) fields!: ViewFieldDto[];
  @ApiProperty({ description: 'A failed callback the owner can apply again' }) replayable!: boolean;
  @ApiProperty({ description: 'The masked payload as indented JSON, shown behind a fold' }) payload!: string;
}

export class VendorEventsViewDto {
  @ApiProperty({ description: 'Callbacks plus answers to our queries' }) total!: number;
  @ApiProperty() callbacks!: number;
  @ApiProperty({ description: 'Answers to our status queries (kinds whose vendor sends no callback)' })
  queries!: number;
  @ApiProperty({ description: 'Section title with the count, e.g. 服务商事件（4）' }) title!: string;
  @ApiProperty({ type: [VendorEventViewDto] }) items!: VendorEventViewDto[];
}

/** `GET /api/merchant/orders/:id/view`: the order described for a person, section by section. */
export class MerchantOrderViewDto {
  @ApiProperty({ type: MerchantOrderSummaryDto, description: 'The order itself, for actions and links' })
  order!: MerchantOrderSummaryDto;
  @ApiProperty({ description: 'e.g. 证件照回执 · 已完成' }) heading!: string;
  @ApiProperty({ type: [ViewSectionDto] }) sections!: ViewSectionDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntryDto[];
  @ApiProperty({ type: VendorEventsViewDto }) vendorEvents!: VendorEventsViewDto;
  @ApiProperty({ description: "The vendor of this kind can be asked for the order's status" })
  canRefreshStatus!: boolean;
  @ApiProperty({
    type: MerchantPaymentRowDto,
    nullable: true,
    description: "A priced order's payment (what may still be refunded, for the refund action); null when free",
  })
  payment!: MerchantPaymentRowDto | null;
}
