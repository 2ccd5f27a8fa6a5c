import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsInt, IsObject, IsString, MaxLength, Min } from 'class-validator';
import { PaymentViewDto } from '../../payments/dto/payment.dto.js';
import {
  MerchantOrderSummaryDto,
  OrderEventDto,
  OrderSummaryDto,
  UserOrderEventDto,
} from '../../orders/dto/order.dto.js';
import { PreviewDto } from './photo.dto.js';
import { OptionalField } from '../../common/errors/optional-field.js';

export class PrintAddressDto {
  @ApiProperty({ example: '张三' }) name!: string;
  @ApiProperty({ example: '13800138000' }) phone!: string;
  @ApiProperty({ example: '广东' }) province!: string;
  @ApiProperty({ example: '深圳' }) city!: string;
  @ApiProperty({ example: '南山区' }) district!: string;
  @ApiProperty({ example: '科技园1号' }) address!: string;
}

export class CreateIdPhotoOrderDto {
  @ApiProperty({ description: 'Photo id from the upload' })
  @IsInt({ message: '请先上传照片' })
  @Min(1, { message: '请先上传照片' })
  photoId!: number;

  @ApiProperty({ example: 'white', description: 'Background colour chosen among the previews' })
  @IsString({ message: '请选择背景颜色' })
  @MaxLength(16, { message: '请选择背景颜色' })
  color!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The spec's params, e.g. { text_name, text_idcard, text_mobile, text_city }",
  })
  @IsObject({ message: '请填写办理信息' })
  param!: Record<string, unknown>;

  @ApiProperty({ description: 'The user agreed to the privacy terms before giving personal data' })
  @Equals(true, { message: '请先阅读并同意《个人信息保护说明》' })
  agreePrivacy!: boolean;

  @ApiPropertyOptional({ type: PrintAddressDto, description: 'Print and mail the photos to this address' })
  @OptionalField()
  @IsObject({ message: '收件地址格式不正确' })
  print?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'The total in fen the user was shown (receipt + 打印邮寄); required when the service is priced',
  })
  @OptionalField()
  @IsInt({ message: '金额不正确' })
  @Min(0, { message: '金额不正确' })
  amountFen?: number;
}

export class ResubmitIdPhotoOrderDto {
  @ApiPropertyOptional({ description: 'A new photo (same spec); the current one when absent' })
  @OptionalField()
  @IsInt({ message: '照片无效，请重新上传' })
  @Min(1, { message: '照片无效，请重新上传' })
  photoId?: number;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString({ message: '请选择背景颜色' })
  @MaxLength(16, { message: '请选择背景颜色' })
  color?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Corrected params; a field left out keeps its previous value',
  })
  @OptionalField()
  @IsObject({ message: '办理信息格式不正确' })
  param?: Record<string, unknown>;

  @ApiPropertyOptional({ type: PrintAddressDto, description: 'A corrected mailing address (print orders only)' })
  @OptionalField()
  @IsObject({ message: '收件地址格式不正确' })
  print?: Record<string, unknown>;
}

export class IdPhotoSpecSummaryDto {
  @ApiProperty() itemId!: number;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty() widthMm!: number;
  @ApiProperty() heightMm!: number;
  @ApiProperty() widthPx!: number;
  @ApiProperty() heightPx!: number;
  @ApiProperty() dpi!: number;
  @ApiProperty() fileSizeMsg!: string;
  @ApiProperty({ type: [String] }) colors!: string[];
}

export class MaskedFieldDto {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Masked' }) value!: string;
}

export class MaskedAddressDto {
  @ApiProperty() name!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() region!: string;
  @ApiProperty() address!: string;
}

export class LogisticsDto {
  @ApiProperty({ example: '韵达' }) expressName!: string;
  @ApiProperty() expressNo!: string;
}

export class IdPhotoDetailsDto {
  @ApiProperty({ type: IdPhotoSpecSummaryDto }) spec!: IdPhotoSpecSummaryDto;
  @ApiProperty() color!: string;
  @ApiProperty({ description: '1 for the first submission, +1 per resubmission' }) round!: number;
  @ApiProperty({ type: [MaskedFieldDto] }) params!: MaskedFieldDto[];
  @ApiProperty() isPrint!: boolean;
  @ApiProperty({ type: MaskedAddressDto, nullable: true }) printAddress!: MaskedAddressDto | null;
  @ApiProperty({ description: 'What the user paid for the receipt, fen (0: free)' }) receiptPriceFen!: number;
  @ApiProperty({ description: 'What the user paid for 打印邮寄, fen (0: free or not chosen)' }) printPriceFen!: number;
  @ApiProperty({ description: 'The photo of the current round' }) photoId!: number;
  @ApiProperty({ description: "The photo's pic_id expired: make it again before resubmitting" }) photoExpired!: boolean;
  @ApiProperty({ type: [PreviewDto] }) previews!: PreviewDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Signed URL of the official receipt' })
  receiptUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Signed URL of the finished ID photo' })
  photoUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Signed URL of the print layout' })
  printUrl!: string | null;
  @ApiProperty({ description: 'Photos and receipts were deleted after the retention period' }) filesDeleted!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Deleted on this date (retention)' })
  deleteAfter!: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectMsg!: string | null;
  @ApiProperty({ type: LogisticsDto, nullable: true }) logistics!: LogisticsDto | null;
  @ApiProperty({ description: "The submission's answer was lost: kept, and confirmed by the vendor's first callback" })
  awaitingConfirmation!: boolean;
  @ApiProperty({ description: 'The official receipt is made (a print order then waits to be mailed)' })
  receiptReady!: boolean;
  @ApiProperty({ description: 'Paid, and being submitted to the vendor' }) submitting!: boolean;
  @ApiProperty() canCancel!: boolean;
  @ApiProperty() canResubmit!: boolean;
}

export class IdPhotoOrderDetailDto {
  @ApiProperty({ type: OrderSummaryDto }) order!: OrderSummaryDto;
  @ApiProperty({ type: [UserOrderEventDto] }) events!: UserOrderEventDto[];
  @ApiProperty({ type: IdPhotoDetailsDto }) details!: IdPhotoDetailsDto;
  @ApiProperty({ type: PaymentViewDto, nullable: true, description: 'Priced orders only' })
  payment!: PaymentViewDto | null;
}

export class MerchantIdPhotoOrderDetailDto {
  @ApiProperty({ type: MerchantOrderSummaryDto }) order!: MerchantOrderSummaryDto;
  @ApiProperty({ type: [OrderEventDto] }) events!: OrderEventDto[];
  @ApiProperty({ type: IdPhotoDetailsDto }) details!: IdPhotoDetailsDto;
}
