import { parseVatQr } from '@banshi/vendor-clients/yundou';
import type { Order } from '../orders/order.entity.js';
import type { PaymentViewDto } from '../payments/dto/payment.dto.js';
import { maskBill, maskWarnings } from './bill-masking.js';
import { isFullyDigital } from './bill-summary.js';
import type { DuplicateRefDto, InvoiceScanDto, InvoiceScanSummaryDto, QrFieldsDto } from './dto/invoice.dto.js';
import type { InvoiceScan } from './entities/invoice-scan.entity.js';
import { RETRYABLE } from './invoice-steps.js';

/** What a scan's view needs besides the scan: its order and, for a duplicate, the scan it repeats. */
export interface ScanContext {
  order: Pick<Order, 'orderNo' | 'status'>;
  original?: (Pick<InvoiceScan, 'id' | 'createdAt' | 'reimbursedAt'> & { orderNo: string }) | null;
}

export function toSummaryDto(scan: InvoiceScan, context: ScanContext): InvoiceScanSummaryDto {
  const original = scan.duplicateOfId ? context.original : null;
  const duplicateOf: DuplicateRefDto | null = original
    ? {
        id: original.id,
        orderNo: original.orderNo,
        scannedAt: original.createdAt.toISOString(),
        reimbursedAt: original.reimbursedAt?.toISOString() ?? null,
      }
    : null;
  return {
    id: scan.id,
    orderId: scan.orderId,
    orderNo: context.order.orderNo,
    orderStatus: context.order.status,
    source: scan.source,
    status: scan.status,
    billType: scan.billType,
    typeLabel: scan.typeLabel,
    amountFen: scan.amountFen,
    issueDate: scan.issueDate,
    month: scan.month,
    invoiceCode: scan.invoiceCode,
    invoiceNumber: scan.invoiceNumber,
    fullyDigital: scan.invoiceNumber ? isFullyDigital(scan.invoiceCode, scan.invoiceNumber) : false,
    duplicateOf,
    reimbursedAt: scan.reimbursedAt?.toISOString() ?? null,
    failureMessage: scan.failureMessage,
    retryable: RETRYABLE.has(scan.status) && scan.replacedById === null,
    createdAt: scan.createdAt.toISOString(),
    recognisedAt: scan.recognisedAt?.toISOString() ?? null,
  };
}

export function toDetailDto(
  scan: InvoiceScan,
  context: ScanContext,
  photoUrl: string | null,
  payment: PaymentViewDto | null,
): InvoiceScanDto {
  return {
    ...toSummaryDto(scan, context),
    photoUrl,
    bill: scan.bill ? maskBill(scan.bill.bill) : null,
    qr: qrFields(scan.qrText),
    warnings: scan.bill ? maskWarnings(scan.bill.warnings) : [],
    retryOfId: scan.retryOfId,
    replacedById: scan.replacedById,
    payment,
  };
}

function qrFields(text: string | null): QrFieldsDto | null {
  if (!text) return null;
  // Stored only after it parsed once; the parser is pure, so it parses again.
  const qr = parseVatQr(text);
  return {
    typeCode: qr.typeCode,
    typeLabel: qr.typeLabel,
    fullyDigital: qr.fullyDigital,
    invoiceCode: qr.invoiceCode ?? null,
    invoiceNumber: qr.invoiceNumber,
    amountFen: qr.amountFen,
    issueDate: qr.issueDate,
    checkCodeLast6: qr.checkCodeLast6 ?? null,
  };
}
