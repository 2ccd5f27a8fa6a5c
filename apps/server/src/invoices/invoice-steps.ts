import { YUNDOU_STATUS_ORDER } from '@banshi/vendor-clients/yundou';
import type { OrderStep } from '../orders/order-status.js';
import type { ScanStatus } from './entities/invoice-scan.entity.js';
import { lifecycleOf } from '../orders/vendor-lifecycle.js';

/** Yundou's status order decides between its results; our own failures (upload, timeout) by progress. */
const lifecycle = lifecycleOf(YUNDOU_STATUS_ORDER);

/**
 * The lifecycle of an `invoice_scan` order. A retry is a new order (a failed order is final), so
 * there are no rounds. Recognised and recognition-failed share one progress: the first result of an
 * upload is the one that counts. Both are above the failures we decide on our side (the upload
 * errored, no answer came in time), so a late result from the vendor still completes the order.
 */
export const SCAN_STEPS = {
  submitted: { status: 'processing', vendorStatus: 'submitted', progress: 10 },
  accepted: { status: 'processing', vendorStatus: 'accepted', progress: 20, lifecycle },
  uploadFailed: { status: 'failed', vendorStatus: 'upload_failed', progress: 30 },
  timedOut: { status: 'failed', vendorStatus: 'timeout', progress: 35 },
  recognised: { status: 'completed', vendorStatus: 'recognised', progress: 40, lifecycle },
  recognitionFailed: { status: 'failed', vendorStatus: 'recognition_failed', progress: 40, lifecycle },
  qrRead: { status: 'completed', vendorStatus: 'qr_read', progress: 40, lifecycle },
} satisfies Record<string, OrderStep>;

/** How long a scan may wait for the vendor before it is given up as failed. */
export const RECOGNITION_TIMEOUT_MS = 30 * 60_000;

export const SERVICE_NAME = '票据识别服务';

/** A failed scan, or an unpaid one whose order closed, may be sent again (as a new scan). */
export const RETRYABLE: ReadonlySet<ScanStatus> = new Set(['failed', 'closed']);

/** A paid scan the vendor cannot be reached for is tried again this long after paying, then refunded. */
export const PAID_UPLOAD_WINDOW_MS = 10 * 60_000;
