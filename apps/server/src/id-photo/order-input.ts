import { VendorApiError } from '@banshi/vendor-clients';
import { ZjzRequestError } from '@banshi/vendor-clients/zjz';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import type { PrintAddress } from './entities/id-photo-order.entity.js';
import type { IdPhotoSession } from './entities/photo-session.entity.js';
import { photoExpiredError } from './id-photo-photos.service.js';
import { checkAddress, checkParam, normaliseAddress, normaliseParam, type FieldProblems } from './receipt-param.js';
import { ZJZ_SERVICE_NAME, type OfferedSpec } from './zjz-spec-catalogue.js';

export interface CheckedInput {
  param: Record<string, string>;
  print: PrintAddress | null;
}

/**
 * The receipt's params (over the previous ones on a resubmission: a field left out keeps its value)
 * and the mailing address, checked by the vendor's own rules. All problems are answered at once,
 * each under its field, so the form can show every one.
 */
export function checkOrderInput(
  spec: OfferedSpec,
  input: { param?: Record<string, unknown>; print?: Record<string, unknown> | null },
  previous?: { param: Record<string, string>; print: PrintAddress | null },
): CheckedInput {
  const param = { ...(previous?.param ?? {}), ...normaliseParam(spec.params, input.param ?? {}) };
  const problems: FieldProblems = checkParam(spec, param);
  let print: PrintAddress | null = previous?.print ?? null;
  if (input.print) {
    print = normaliseAddress(input.print);
    Object.assign(problems, checkAddress({ ...print }));
  }
  const messages = Object.values(problems);
  if (messages.length > 0) throw AppError.badRequest('VALIDATION', messages[0], problems);
  return { param, print };
}

export function checkColor(session: IdPhotoSession, color: string | undefined): string {
  const colors = Object.keys(session.previews);
  if (color === undefined) return colors[0];
  if (!colors.includes(color)) {
    throw AppError.badRequest('VALIDATION', '请从预览中选择背景颜色', { color: '请从预览中选择背景颜色' });
  }
  return color;
}

/**
 * The document names no error codes, so an expired or unknown pic_id can only be told by the
 * vendor's wording ("pic_id已过期…"); such a refusal is answered like our own expiry check, with a
 * way to make the photo again.
 */
export function isPicRefusal(error: unknown): boolean {
  return error instanceof VendorApiError && !error.retryable && /pic_?id|过期|失效/i.test(error.message);
}

/** A refused submit: the vendor's reason for the person, or "try again later" when it is unreachable. */
export function submitError(error: unknown): AppError {
  if (error instanceof ZjzRequestError) return AppError.badRequest('INVALID_REQUEST', error.message);
  if (isPicRefusal(error)) return photoExpiredError();
  return vendorErrorToAppError(error, ZJZ_SERVICE_NAME);
}
