import { DocloudCallbackFormatError, DOCLOUD_VENDOR } from './errors.js';
import { toOrderStatusCode, toOrderViolationStatus, toViolation } from './mappers/violations.js';
import { asArray, asObject, compact, id, optFen, optText, ShapeError, text, trimmed } from './parse.js';
import { verifySignedQuery } from './signing.js';
import type {
  DocloudCallbackCredentials,
  DocloudCallbackRequest,
  DocloudOrderStatusEvent,
  DocloudViolationChangeEvent,
} from './types/callbacks.js';

/** The answer both callbacks require once the change is stored; anything else makes the vendor retry. */
export const DOCLOUD_CALLBACK_ACK = Object.freeze({ success: true as const });

/**
 * 《订单状态变更通知》: verifies `app_key`/`timestamp`/`sign` in the callback URL's query against the
 * raw body, then reads the event. Throws `SignatureVerificationError` on a bad signature and
 * `DocloudCallbackFormatError` on a body that is not the documented shape.
 */
export function verifyOrderStatusCallback(
  request: DocloudCallbackRequest,
  credentials: DocloudCallbackCredentials,
): DocloudOrderStatusEvent {
  const data = verifiedData(request, credentials, (envelope) => asObject(envelope.data, 'data'));
  return read(() =>
    compact({
      kind: 'order-status' as const,
      orderId: id(data.orderId, 'orderId'),
      orderStatus: toOrderStatusCode(data.orderStatus),
      orderStatusTime: optText(data.orderStatusTime) || undefined,
      // "当订单状态为已完成时，如果 refundMoney 不为空，表示存在部分退款": zero means none.
      refundMoneyFen: optFen(data.refundMoney) || undefined,
      cancelReason: optText(data.cancelReason) || undefined,
      violations: asArray(data.violations, 'violations').map(toOrderViolationStatus),
    }),
  );
}

/**
 * 《车辆违章信息变更通知》: the car's violations as the vendor now knows them (`success: true`), or
 * a monitoring failure for the car (`success: false` with `code` and `message`, e.g. 1032).
 */
export function verifyViolationChangeCallback(
  request: DocloudCallbackRequest,
  credentials: DocloudCallbackCredentials,
): DocloudViolationChangeEvent {
  let success = true;
  const data = verifiedData(request, credentials, (envelope) => {
    success = successFlag(envelope.success);
    return asObject(envelope.data, 'data');
  });
  return read(() =>
    success
      ? {
          kind: 'violations-changed' as const,
          plateNumber: trimmed(data.plateNumber, 'plateNumber'),
          violations: asArray(data.items, 'items').map(toViolation),
          signedAt: signedAtOf(request.rawQuery),
        }
      : {
          kind: 'monitor-failed' as const,
          plateNumber: trimmed(data.plateNumber, 'plateNumber'),
          code: text(data.code, 'code').trim(),
          message: optText(data.message) ?? '',
          signedAt: signedAtOf(request.rawQuery),
        },
  );
}

/**
 * The callback's own time: the signed `timestamp` of its URL, in milliseconds (a value that reads
 * as seconds, as in the document's PHP sample, is scaled). Neither form carries a time or an id
 * of its own; a vendor retry resends the same signed URL, so this also names the notification.
 */
function signedAtOf(rawQuery: string): number {
  const value = Number(new URLSearchParams(rawQuery.replace(/^\?/, '')).get('timestamp'));
  if (!Number.isFinite(value) || value <= 0) throw new ShapeError('timestamp is not a number');
  return value < 1e11 ? value * 1000 : value;
}

/** `success` is a boolean (or its text); absent means a list, as the document's example always has it. */
function successFlag(value: unknown): boolean {
  if (value === undefined || value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ShapeError(`success is not a boolean: ${JSON.stringify(value).slice(0, 40)}`);
}

function verifiedData(
  request: DocloudCallbackRequest,
  credentials: DocloudCallbackCredentials,
  pick: (envelope: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const body = typeof request.rawBody === 'string' ? request.rawBody : request.rawBody.toString('utf8');
  // Signature first: nothing about an unauthenticated body is worth parsing or reporting.
  verifySignedQuery(request.rawQuery.replace(/^\?/, ''), body, credentials.appKey, credentials.appSecret);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new DocloudCallbackFormatError(DOCLOUD_VENDOR, 'docloud callback body is not JSON', { cause: error });
  }
  return read(() => pick(asObject(parsed, 'callback body')));
}

function read<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ShapeError) {
      throw new DocloudCallbackFormatError(DOCLOUD_VENDOR, `docloud callback: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
