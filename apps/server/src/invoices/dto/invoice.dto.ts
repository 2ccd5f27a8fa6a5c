import { ApiProperty } from '@nestjs/swagger';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/order-status.js';
import { INVOICE_BILL_TYPES, type InvoiceBillType } from '../bill-summary.js';
import { BillDto } from './bill.dto.js';
import { PaymentViewDto } from '../../payments/dto/payment.dto.js';
import { SCAN_STATUSES, type ScanSource, type ScanStatus } from '../entities/invoice-scan.entity.js';

const SOURCES: ScanSource[] = ['photo', 'qr_text', 'qr_image'];

/** The earlier scan a duplicate repeats: that one is counted. */
export class DuplicateRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ description: 'When the earlier scan was made' }) scannedAt!: string;
  @ApiProperty({ nullable: true, type: String }) reimbursedAt!: string | null;
}

/** What the invoice QR code says (offline reading of its text; nothing is checked with the tax office). */
export class QrFieldsDto {
  @ApiProperty({ description: 'QR invoice kind, e.g. 32' }) typeCode!: string;
  @ApiProperty() typeLabel!: string;
  @ApiProperty() fullyDigital!: boolean;
  @ApiProperty({ nullable: true, type: String }) invoiceCode!: string | null;
  @ApiProperty() invoiceNumber!: string;
  @ApiProperty({ description: '开票金额 in fen (before tax on VAT invoices)' }) amountFen!: number;
  @ApiProperty() issueDate!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Last 6 digits of the 校验码' })
  checkCodeLast6!: string | null;
}

export class InvoiceScanSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() orderId!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) orderStatus!: OrderStatus;
  @ApiProperty({ enum: SOURCES, enumName: 'ScanSource' }) source!: ScanSource;
  @ApiProperty({ enum: SCAN_STATUSES, enumName: 'ScanStatus' }) status!: ScanStatus;
  @ApiProperty({ enum: INVOICE_BILL_TYPES, nullable: true, type: String }) billType!: InvoiceBillType | null;
  @ApiProperty({ nullable: true, type: String }) typeLabel!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Reimbursable amount in fen (VAT: 价税合计)' })
  amountFen!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'YYYY-MM-DD' }) issueDate!: string | null;
  @ApiProperty({ description: 'YYYY-MM of the bill (of the scan while unknown)' }) month!: string;
  @ApiProperty({ nullable: true, type: String }) invoiceCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) invoiceNumber!: string | null;
  @ApiProperty({ description: '数电发票: no code, 20-digit number' }) fullyDigital!: boolean;
  @ApiProperty({ type: DuplicateRefDto, nullable: true }) duplicateOf!: DuplicateRefDto | null;
  @ApiProperty({ nullable: true, type: String }) reimbursedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The vendor's words when recognition failed" })
  failureMessage!: string | null;
  @ApiProperty({ description: 'Failed and not yet tried again' }) retryable!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) recognisedAt!: string | null;
}

export class InvoiceScanDto extends InvoiceScanSummaryDto {
  @ApiProperty({ nullable: true, type: String, description: 'Signed URL of the photo, valid for an hour' })
  photoUrl!: string | null;
  @ApiProperty({ type: BillDto, nullable: true, description: 'The typed bill, personal data masked' })
  bill!: BillDto | null;
  @ApiProperty({ type: QrFieldsDto, nullable: true }) qr!: QrFieldsDto | null;
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty({ nullable: true, type: Number, description: 'The failed scan this one tries again' })
  retryOfId!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The scan that tried this failed one again' })
  replacedById!: number | null;
  @ApiProperty({ type: PaymentViewDto, nullable: true, description: 'Priced photo recognitions only' })
  payment!: PaymentViewDto | null;
}

export class MerchantInvoiceScanDto extends InvoiceScanDto {
  @ApiProperty() userId!: number;
}

export class InvoiceTotalsDto {
  @ApiProperty({ description: 'Recognised bills, duplicates not counted' }) count!: number;
  @ApiProperty({ description: 'Their amount in fen' }) amountFen!: number;
  @ApiProperty({ description: 'Scans flagged as duplicates (not counted)' }) duplicates!: number;
}

export class InvoicePageDto {
  @ApiProperty({ type: [InvoiceScanSummaryDto] }) items!: InvoiceScanSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ type: InvoiceTotalsDto, description: 'Over every scan matching the filters' })
  totals!: InvoiceTotalsDto;
}

export class MonthTotalsDto extends InvoiceTotalsDto {
  @ApiProperty({ description: 'YYYY-MM' }) month!: string;
  @ApiProperty({ description: 'Scans still being recognised or failed this month' }) unfinished!: number;
}

export class InvoiceMonthsDto {
  @ApiProperty({ type: [MonthTotalsDto] }) months!: MonthTotalsDto[];
}
