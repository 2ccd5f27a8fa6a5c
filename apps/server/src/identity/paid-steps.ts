import type { OrderStep } from '../orders/order-status.js';

/**
 * The steps of a priced identity attempt between 已支付 and Zhima's verdict (认证通过 / 认证未通过,
 * progress 20). Both end the attempt without a verdict: the payment goes back in full, and the
 * attempt does not count against the daily limit.
 */
/** Zhima refused the request: the user could not verify. */
export const STEP_REFUSED: OrderStep = { status: 'failed', vendorStatus: '认证未受理', progress: 9 };
/** Paid, and no face photo came before `faceDueAt`. */
export const STEP_PHOTO_EXPIRED: OrderStep = { status: 'failed', vendorStatus: '超时未认证', progress: 9 };

/** Order statuses (vendorStatus) of attempts that were never served, so not counted. */
export const UNSERVED_VENDOR_STATUSES = [STEP_REFUSED.vendorStatus, STEP_PHOTO_EXPIRED.vendorStatus];

/** How long a paid user has to take the face photo. */
export const FACE_WINDOW_MS = 24 * 3_600_000;
