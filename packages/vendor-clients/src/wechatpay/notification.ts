import { type Clock, SignatureVerificationError, VendorError } from '../core/index.js';
import { decryptResource, type EncryptedResource } from './aead.js';
import { type HeaderSource, type SignatureCheck, verifyWechatpaySignature } from './signing.js';
import { type KeyInput, WECHATPAY_VENDOR, type WechatPayRefundStatus, type WechatPayTransaction } from './types.js';

/** The JSON body of every APIv3 notification; `resource` is encrypted. */
export interface WechatPayNotificationEnvelope {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  summary: string;
  resource: EncryptedResource;
}

/** 退款结果通知 resource, decrypted. */
export interface WechatPayRefundResource {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: WechatPayRefundStatus;
  success_time?: string;
  user_received_account: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

interface EventBase {
  /** The notification id: the same on every retry of one notification, so it is the dedupe key. */
  id: string;
  createTime: string;
  summary: string;
}

export interface TransactionSuccessEvent extends EventBase {
  kind: 'transaction';
  eventType: 'TRANSACTION.SUCCESS';
  outTradeNo: string;
  transactionId: string;
  totalFen: number;
  payerTotalFen: number;
  openid?: string;
  successTime?: string;
  transaction: WechatPayTransaction;
}

export interface RefundEvent extends EventBase {
  kind: 'refund';
  eventType: 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  status: WechatPayRefundStatus;
  refundFen: number;
  totalFen: number;
  successTime?: string;
  refund: WechatPayRefundResource;
}

export type WechatPayNotificationEvent = TransactionSuccessEvent | RefundEvent;

/** A notification that verified but cannot be read as one this project handles. */
export class WechatPayNotificationFormatError extends VendorError {
  constructor(message: string) {
    super(WECHATPAY_VENDOR, message);
  }
}

export interface NotificationKeys {
  platformPublicKey: KeyInput;
  platformPublicKeyId: string;
  apiV3Key: string;
  /** Which merchant the notification must be for (a leaked key of another merchant proves nothing). */
  mchid?: string;
  clock?: Clock;
}

export interface RawNotification {
  headers: HeaderSource;
  /** The body exactly as received: the signature covers these bytes, not a re-serialised JSON. */
  rawBody: string | Buffer;
}

const REFUND_EVENTS = new Set(['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED']);

/**
 * 支付通知 / 退款结果通知: verifies the `Wechatpay-Signature` over the raw body (key id, 5-minute
 * timestamp window), then decrypts `resource` with the APIv3 key into a typed event. Pure: no I/O.
 */
export function verifyWechatPayNotification(raw: RawNotification, keys: NotificationKeys): WechatPayNotificationEvent {
  const body = typeof raw.rawBody === 'string' ? raw.rawBody : raw.rawBody.toString('utf8');
  const check: SignatureCheck = {
    publicKey: keys.platformPublicKey,
    publicKeyId: keys.platformPublicKeyId,
    clock: keys.clock,
  };
  verifyWechatpaySignature(raw.headers, body, check);
  const envelope = parseEnvelope(body);
  const plaintext = decryptResource(envelope.resource, keys.apiV3Key);
  let resource: Record<string, unknown>;
  try {
    resource = JSON.parse(plaintext) as Record<string, unknown>;
  } catch {
    throw new WechatPayNotificationFormatError('wechatpay: the decrypted resource is not JSON');
  }
  if (keys.mchid && resource.mchid !== keys.mchid) {
    throw new SignatureVerificationError(
      WECHATPAY_VENDOR,
      `wechatpay: notification for merchant ${String(resource.mchid)}`,
    );
  }
  const base: EventBase = { id: envelope.id, createTime: envelope.create_time, summary: envelope.summary };
  if (envelope.event_type === 'TRANSACTION.SUCCESS') return transactionEvent(base, resource as never);
  if (REFUND_EVENTS.has(envelope.event_type)) {
    return refundEvent(base, envelope.event_type as RefundEvent['eventType'], resource as never);
  }
  throw new WechatPayNotificationFormatError(`wechatpay: unhandled notification type ${envelope.event_type}`);
}

function parseEnvelope(body: string): WechatPayNotificationEnvelope {
  let envelope: Partial<WechatPayNotificationEnvelope>;
  try {
    envelope = JSON.parse(body) as Partial<WechatPayNotificationEnvelope>;
  } catch {
    throw new WechatPayNotificationFormatError('wechatpay: notification body is not JSON');
  }
  if (!envelope.id || !envelope.event_type || !envelope.resource || typeof envelope.resource !== 'object') {
    throw new WechatPayNotificationFormatError('wechatpay: notification lacks id, event_type or resource');
  }
  return envelope as WechatPayNotificationEnvelope;
}

function transactionEvent(base: EventBase, tx: WechatPayTransaction): TransactionSuccessEvent {
  if (tx.trade_state !== 'SUCCESS' || !tx.out_trade_no || !tx.transaction_id || !Number.isInteger(tx.amount?.total)) {
    throw new WechatPayNotificationFormatError('wechatpay: TRANSACTION.SUCCESS without a paid transaction');
  }
  return {
    ...base,
    kind: 'transaction',
    eventType: 'TRANSACTION.SUCCESS',
    outTradeNo: tx.out_trade_no,
    transactionId: tx.transaction_id,
    totalFen: tx.amount?.total as number,
    payerTotalFen: tx.amount?.payer_total ?? (tx.amount?.total as number),
    openid: tx.payer?.openid,
    successTime: tx.success_time,
    transaction: tx,
  };
}

function refundEvent(
  base: EventBase,
  eventType: RefundEvent['eventType'],
  refund: WechatPayRefundResource,
): RefundEvent {
  if (!refund.out_refund_no || !refund.out_trade_no || !Number.isInteger(refund.amount?.refund)) {
    throw new WechatPayNotificationFormatError(`wechatpay: ${eventType} without a refund`);
  }
  return {
    ...base,
    kind: 'refund',
    eventType,
    outTradeNo: refund.out_trade_no,
    outRefundNo: refund.out_refund_no,
    refundId: refund.refund_id,
    status: refund.refund_status,
    refundFen: refund.amount.refund,
    totalFen: refund.amount.total,
    successTime: refund.success_time,
    refund,
  };
}
