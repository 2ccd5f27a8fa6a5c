import type { OrderStep } from '../orders/order-status.js';

/** ¥148.00: how an amount in fen is written for a person. */
export const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;

/**
 * The order steps the payment adds in front of a service's own vendor steps. Their progress is
 * below every vendor step of every service (which start at 5 or more), so the vendor's steps follow
 * and a late payment event can never move an order back.
 */
export const STEP_AWAITING_PAYMENT: OrderStep = { status: 'pending', vendorStatus: '待支付', progress: 1 };
export const STEP_PAID: OrderStep = { status: 'processing', vendorStatus: '已支付', progress: 2 };
/** Unpaid at `time_expire` (or cancelled by the user): closed here and at WeChat Pay. */
export const STEP_PAYMENT_CLOSED: OrderStep = { status: 'cancelled', vendorStatus: '支付超时', progress: 3 };
/** The user gave the unpaid order up. */
export const STEP_CANCELLED_BY_USER: OrderStep = { status: 'cancelled', vendorStatus: '已取消', progress: 3 };

/** How long a priced order waits for its payment. */
export const PAYMENT_TTL_MS = 30 * 60_000;

/** Timeline note types the payment writes (the user reads their messages; nothing vendor-coded). */
export const PAYMENT_NOTE = 'payment';
export const REFUND_NOTE = 'refund';
