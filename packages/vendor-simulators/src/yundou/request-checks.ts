import type { SimRequest } from '../core/index.js';
import {
  YUNDOU_MAX_IMAGE_BYTES,
  base64DecodedLength,
  isStrictBase64,
  parseYundouTimestamp,
  verifyYundouSignature,
  YUNDOU_HEADERS,
} from '@banshi/vendor-clients/yundou';
import { YUNDOU_SIM_MESSAGES as M } from './messages.js';

export interface CheckContext {
  companyId: string;
  apiKey: string;
  nowMs: number;
  timestampWindowMs: number;
}

export type CheckedUpload =
  { ok: true; oid: string; callbackUrl: string; image: Buffer } | { ok: false; message: string };

const header = (request: SimRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

/**
 * Checks an upload in the order the document describes ("签名验证", then "传票需知"): who is calling
 * and their signature, the timestamp, the oid and callback, then the image's presence, encoding and size.
 */
export function checkUpload(request: SimRequest, context: CheckContext): CheckedUpload {
  const refuse = (message: string): CheckedUpload => ({ ok: false, message });
  const companyId = header(request, YUNDOU_HEADERS.companyId);
  if (companyId !== context.companyId) return refuse(M.unknownCompany);

  const timestamp = header(request, YUNDOU_HEADERS.timestamp) ?? '';
  const signature = header(request, YUNDOU_HEADERS.signature) ?? '';
  const signed = { apiKey: context.apiKey, api: request.path, companyId, timestamp };
  if (!timestamp || !verifyYundouSignature(signed, signature)) return refuse(M.badSignature);
  const sentAt = parseYundouTimestamp(timestamp);
  if (sentAt === undefined || Math.abs(context.nowMs - sentAt) > context.timestampWindowMs) {
    return refuse(M.staleTimestamp);
  }

  const xOid = header(request, YUNDOU_HEADERS.oid);
  const oid = header(request, YUNDOU_HEADERS.oidAlias);
  if (!xOid && !oid) return refuse(M.missingOid);
  if (xOid && oid && xOid !== oid) return refuse(M.oidMismatch);

  const callbackUrl = header(request, YUNDOU_HEADERS.callbackUrl);
  if (!callbackUrl) return refuse(M.missingCallback);
  if (!/^https?:\/\/[^\s/]+/i.test(callbackUrl)) return refuse(M.badCallback);

  const base64 = readImageParameter(request);
  if (!base64) return refuse(M.missingImage);
  if (!isStrictBase64(base64)) return refuse(M.badBase64);
  if (base64DecodedLength(base64) > YUNDOU_MAX_IMAGE_BYTES) return refuse(M.imageTooLarge);
  return { ok: true, oid: (xOid ?? oid) as string, callbackUrl, image: Buffer.from(base64, 'base64') };
}

/** "POST 请求参数 image": read from a form body or from a JSON body, whichever was sent. */
function readImageParameter(request: SimRequest): string | undefined {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  const json =
    contentType.includes('json') || !contentType.includes('form') ? request.json<{ image?: unknown }>() : undefined;
  if (json && typeof json === 'object') return typeof json.image === 'string' ? json.image : undefined;
  return request.form().get('image') ?? undefined;
}
