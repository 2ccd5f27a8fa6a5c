import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVOICE_BILL_TYPES, type InvoiceBillType } from '../bill-summary.js';

/**
 * The typed bill of the vendor (`YundouBill`, personal data masked) as one shape: the union's variants
 * share their field names, and every field may be missing because recognition can miss it.
 */

/** A coded value of the bill (监制章, 章, 境内外标记, 联次). */
export class BillCodedDto {
  @ApiProperty() code!: number;
  @ApiProperty() label!: string;
}

/** 付款方 / 收款方 (bank slips), or 购买方 / 销售方 (VAT invoices, with tel, address and tax id). */
export class BillPartyDto {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() bank?: string;
  @ApiPropertyOptional() account?: string;
  @ApiPropertyOptional() tel?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional({ description: '纳税人识别号' }) taxId?: string;
}

/** One line of a VAT invoice; quantities and unit prices as printed (they can carry many decimals). */
export class BillItemDto {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ description: '规格型号' }) specification?: string;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional() quantity?: string;
  @ApiPropertyOptional({ description: '单价 in yuan, as text' }) unitPrice?: string;
  @ApiPropertyOptional() amountFen?: number;
  @ApiPropertyOptional() taxFen?: number;
  @ApiPropertyOptional({ description: '税率 as printed (13%, 0.13, 免税)' }) taxRate?: string;
  @ApiPropertyOptional({ description: 'The rate in percent when it is a number' }) taxRatePercent?: number;
}

export class BillDto {
  @ApiProperty({ enum: INVOICE_BILL_TYPES, enumName: 'InvoiceBillType' }) type!: InvoiceBillType;
  @ApiProperty({ description: "The vendor's `type` text as received" }) vendorType!: string;
  @ApiPropertyOptional() signDate?: string;
  @ApiPropertyOptional({ description: 'VAT: 金额 before tax' }) amountFen?: number;
  @ApiPropertyOptional() invoiceCode?: string;
  @ApiPropertyOptional() invoiceNumber?: string;
  @ApiPropertyOptional({ type: BillCodedDto, description: '监制章' }) producer?: BillCodedDto;
  @ApiPropertyOptional({ type: BillCodedDto, description: '章' }) chapter?: BillCodedDto;
  @ApiPropertyOptional({ type: BillCodedDto, description: '境内外标记' }) territory?: BillCodedDto;
  @ApiPropertyOptional({ type: BillCodedDto, description: '联次' }) invoiceOrder?: BillCodedDto;
  @ApiPropertyOptional({ description: 'Masked' }) fullName?: string;
  @ApiPropertyOptional({ description: 'Masked' }) idNumber?: string;
  @ApiPropertyOptional({ description: 'Masked' }) mobile?: string;
  @ApiPropertyOptional({ description: '时间 as printed, e.g. 08:15-08:42' }) time?: string;
  @ApiPropertyOptional({ description: '车号' }) licenseNumber?: string;
  @ApiPropertyOptional({ description: '费用类型 of a 定额发票' }) expenseType?: string;
  @ApiPropertyOptional() city?: string;
  @ApiPropertyOptional() province?: string;
  @ApiPropertyOptional({ description: '税额' }) taxFen?: number;
  @ApiPropertyOptional({ description: '价税合计' }) totalFen?: number;
  @ApiPropertyOptional({ description: '校验码' }) checkCode?: string;
  @ApiPropertyOptional() dedupeKey?: string;
  @ApiPropertyOptional({ type: BillPartyDto }) payer?: BillPartyDto;
  @ApiPropertyOptional({ type: BillPartyDto }) payee?: BillPartyDto;
  @ApiPropertyOptional({ type: [BillItemDto] }) items?: BillItemDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '`other` bills: the fields as the vendor sent them',
  })
  data?: Record<string, unknown>;
}
