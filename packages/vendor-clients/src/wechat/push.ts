import { constantTimeEqual, SignatureVerificationError } from '../core/index.js';
import { decryptPushMessage, pushSignature } from './push-signing.js';
import type { MediaCheckEvent, MediaCheckSuggest, WechatPushSettings } from './types.js';

const VENDOR = 'wechat';

export interface WechatPushRequest {
  /** The query string as received, without `?`. */
  rawQuery: string;
  rawBody: string;
}

/** A verified push: the event as WeChat sent it (decrypted in safe mode). */
export type WechatPushEvent =
  | { kind: 'media_check'; event: MediaCheckEvent; raw: Record<string, unknown> }
  | { kind: 'other'; eventName: string; raw: Record<string, unknown> };

/**
 * The URL check WeChat makes when the push URL is saved (GET with `echostr`): answers the echostr to
 * send back, or throws `SignatureVerificationError`.
 */
export function verifyWechatPushEcho(rawQuery: string, settings: Pick<WechatPushSettings, 'token'>): string {
  const query = new URLSearchParams(rawQuery);
  checkSignature(query.get('signature'), [settings.token, query.get('timestamp'), query.get('nonce')]);
  return query.get('echostr') ?? '';
}

/**
 * Verifies a message push (POST, JSON data format) and reads its event. Plain mode checks
 * `signature`; safe mode (`encrypt_type=aes`) checks `msg_signature` over the ciphertext, then
 * decrypts it and checks it was sealed for our appid. Throws `SignatureVerificationError` on any
 * mismatch, never returns a boolean.
 */
export function verifyWechatPush(request: WechatPushRequest, settings: WechatPushSettings): WechatPushEvent {
  const query = new URLSearchParams(request.rawQuery);
  const timestamp = query.get('timestamp');
  const nonce = query.get('nonce');
  const body = parseJson(request.rawBody);
  let message: Record<string, unknown>;
  if (query.get('encrypt_type') === 'aes') {
    if (!settings.encodingAesKey) throw new SignatureVerificationError(VENDOR, 'safe-mode push without an AES key');
    const encrypted = body.Encrypt;
    if (typeof encrypted !== 'string') throw new SignatureVerificationError(VENDOR, 'safe-mode push without Encrypt');
    checkSignature(query.get('msg_signature'), [settings.token, timestamp, nonce, encrypted]);
    try {
      message = parseJson(decryptPushMessage(encrypted, settings.encodingAesKey, settings.appId));
    } catch (error) {
      throw new SignatureVerificationError(VENDOR, `push could not be decrypted: ${(error as Error).message}`);
    }
  } else {
    checkSignature(query.get('signature'), [settings.token, timestamp, nonce]);
    message = body;
  }
  return readEvent(message, settings.appId);
}

function checkSignature(given: string | null, parts: (string | null)[]): void {
  if (!given || parts.some((part) => !part)) throw new SignatureVerificationError(VENDOR, 'push signature missing');
  if (!constantTimeEqual(pushSignature(...(parts as string[])), given.toLowerCase())) {
    throw new SignatureVerificationError(VENDOR, 'push signature mismatch');
  }
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: XML or garbage
  }
  throw new SignatureVerificationError(VENDOR, 'push body is not a JSON object (set the data format to JSON)');
}

const SUGGESTS: ReadonlySet<string> = new Set(['pass', 'review', 'risky']);

function readEvent(message: Record<string, unknown>, appId: string): WechatPushEvent {
  const eventName = String(message.Event ?? '');
  if (eventName !== 'wxa_media_check') return { kind: 'other', eventName, raw: message };
  const result = (message.result ?? {}) as { suggest?: unknown; label?: unknown };
  const traceId = message.trace_id;
  if (typeof traceId !== 'string' || !traceId)
    throw new SignatureVerificationError(VENDOR, 'media check without trace_id');
  if (message.appid !== undefined && message.appid !== appId) {
    throw new SignatureVerificationError(VENDOR, 'media check for another appid');
  }
  // v1 pushes carried `isrisky` (0/1) instead of `result`; read both.
  const suggest: MediaCheckSuggest =
    typeof result.suggest === 'string' && SUGGESTS.has(result.suggest)
      ? (result.suggest as MediaCheckSuggest)
      : message.isrisky === 1
        ? 'risky'
        : 'pass';
  const rawStatus = Number(message.status_code ?? 0);
  return {
    kind: 'media_check',
    raw: message,
    event: {
      traceId,
      appid: String(message.appid ?? appId),
      suggest,
      label: Number(result.label ?? 100),
      statusCode: rawStatus > 2 ** 31 ? rawStatus - 2 ** 32 : rawStatus,
      createTime: Number(message.CreateTime ?? 0),
    },
  };
}
