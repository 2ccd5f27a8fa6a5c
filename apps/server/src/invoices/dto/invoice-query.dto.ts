import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { INVOICE_BILL_TYPES, type InvoiceBillType } from '../bill-summary.js';
import { SCAN_STATUSES, type ScanStatus } from '../entities/invoice-scan.entity.js';
import { OptionalField } from '../../common/errors/optional-field.js';
import { PageQueryDto } from '../../orders/dto/page-query.dto.js';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' || value === true
    ? true
    : value === 'false' || value === '0' || value === false
      ? false
      : value;

/** The filters shared by the list, the month totals and the exports. */
export class InvoiceFilterDto {
  @ApiPropertyOptional({ enum: INVOICE_BILL_TYPES })
  @OptionalField()
  @IsIn(INVOICE_BILL_TYPES, { message: '票据类型无效，请重新选择' })
  type?: InvoiceBillType;

  @ApiPropertyOptional({ description: 'YYYY-MM' })
  @OptionalField()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ description: 'true: reimbursed only; false: not yet reimbursed only' })
  @OptionalField()
  @Transform(toBoolean)
  @IsBoolean({ message: '报销状态只能是 true 或 false' })
  reimbursed?: boolean;
}

/** The list: the shared filters, the recognition status and keyset paging. */
export class InvoiceListQueryDto extends IntersectionType(InvoiceFilterDto, PageQueryDto) {
  @ApiPropertyOptional({ enum: SCAN_STATUSES })
  @OptionalField()
  @IsIn(SCAN_STATUSES, { message: '识别状态无效' })
  status?: ScanStatus;
}

export class InvoiceExportQueryDto extends InvoiceFilterDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: '导出格式只能是 csv 或 xlsx' })
  format!: 'csv' | 'xlsx';
}

/**
 * What a photo upload may carry beside the file: the price the user was shown for it. Required
 * when photo recognition is priced (`invoice_scan`), so a price changed meanwhile is confirmed first.
 */
export class ScanUploadDto {
  @ApiPropertyOptional({ description: 'The price in fen the user was shown for a photo recognition (0: free)' })
  @OptionalField()
  @Type(() => Number)
  @IsInt({ message: '金额不正确' })
  @Min(0, { message: '金额不正确' })
  amountFen?: number;
}

export class QrTextDto {
  @ApiProperty({ description: 'The text of the invoice QR code, as Taro.scanCode gives it' })
  @IsString({ message: '请填写发票二维码内容' })
  @MinLength(1, { message: '请填写发票二维码内容' })
  @MaxLength(512, { message: '二维码内容过长，这不是发票二维码' })
  text!: string;
}
