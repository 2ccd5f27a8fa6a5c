/**
 * One error hierarchy for every vendor. Callers branch on the class, never on message text:
 * a `VendorApiError` is the vendor saying "no" (not worth retrying as is), a timeout or a
 * connection error is the network failing (worth retrying later).
 */
export class VendorError extends Error {
  readonly vendor: string;

  constructor(vendor: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.vendor = vendor;
  }

  /** Whether the same call may succeed if tried again later. */
  get retryable(): boolean {
    return false;
  }
}

export interface VendorApiErrorDetails {
  /** The vendor's own error code (`errCode`, `code`, `sub_code` …) or `HTTP_<status>`. */
  code: string;
  /** HTTP status of the answer that carried the error. */
  httpStatus?: number;
  /** The raw body, for the event log. Never shown to end users. */
  rawBody?: string;
  /** A second-level code where the vendor has one (Alipay `sub_code`). */
  subCode?: string;
}

export class VendorApiError extends VendorError {
  readonly code: string;
  readonly httpStatus?: number;
  readonly rawBody?: string;
  readonly subCode?: string;

  constructor(vendor: string, message: string, details: VendorApiErrorDetails, options?: { cause?: unknown }) {
    super(vendor, message, options);
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.rawBody = details.rawBody;
    this.subCode = details.subCode;
  }

  /** 5xx and 429 answers are the vendor's trouble, not ours: try again later. */
  override get retryable(): boolean {
    return this.httpStatus !== undefined && (this.httpStatus >= 500 || this.httpStatus === 429);
  }
}

export class VendorTimeoutError extends VendorError {
  override get retryable(): boolean {
    return true;
  }
}

export class VendorConnectionError extends VendorError {
  override get retryable(): boolean {
    return true;
  }
}

/** A callback or response whose signature, token or secret does not match. */
export class SignatureVerificationError extends VendorError {}
