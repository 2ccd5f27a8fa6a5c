import type { InvoiceScan, InvoiceScanSummary } from './api/types';

/** A recognised scan as the server sends it; tests override what they are about. */
export function scanFixture(overrides: Partial<InvoiceScan> = {}): InvoiceScan {
  return {
    id: 7,
    orderId: 70,
    orderNo: 'BS2403080000000007',
    orderStatus: 'completed',
    source: 'photo',
    status: 'recognised',
    billType: 'taxi',
    typeLabel: '出租车票',
    amountFen: 3_260,
    issueDate: '2024-03-05',
    month: '2024-03',
    invoiceCode: '144031909110',
    invoiceNumber: '41278830',
    fullyDigital: false,
    duplicateOf: null,
    reimbursedAt: null,
    failureMessage: null,
    retryable: false,
    createdAt: '2024-03-08T02:00:00.000Z',
    recognisedAt: '2024-03-08T02:00:02.000Z',
    photoUrl: null,
    bill: null,
    qr: null,
    warnings: [],
    retryOfId: null,
    payment: null,
    replacedById: null,
    ...overrides,
  };
}

export function summaryFixture(overrides: Partial<InvoiceScanSummary> = {}): InvoiceScanSummary {
  const {
    photoUrl: _p,
    bill: _b,
    qr: _q,
    warnings: _w,
    retryOfId: _r,
    replacedById: _x,
    payment: _pay,
    ...summary
  } = scanFixture();
  return { ...summary, ...overrides };
}
