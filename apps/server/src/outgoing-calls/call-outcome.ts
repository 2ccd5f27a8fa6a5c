import { SignatureVerificationError, VendorApiError, VendorError } from '@banshi/vendor-clients';

/**
 * No answer we can believe came (a 5xx, a timeout, a broken connection, an answer whose signature
 * does not verify): the vendor may or may not have acted. A 429 is a refusal to even look at the
 * request, so it is not one of these.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof SignatureVerificationError) return true;
  if (error instanceof VendorApiError && error.httpStatus === 429) return false;
  return error instanceof VendorError && error.retryable;
}

/** The error's class and vendor code, for the ledger row (never its message: it may quote the request). */
export function errorClassOf(error: unknown): string {
  if (error instanceof VendorApiError) {
    const code = [error.code, error.subCode, error.httpStatus].filter((part) => part !== undefined && part !== '');
    return `${error.name}:${code.join('/')}`.slice(0, 64);
  }
  if (error instanceof Error) return error.name.slice(0, 64);
  return 'unknown';
}

/** JSON of a summary, cut to what a text column and a console drawer can hold. */
export function summaryText(summary: Record<string, unknown> | undefined): string | null {
  if (summary === undefined) return null;
  return JSON.stringify(summary).slice(0, 4000);
}
