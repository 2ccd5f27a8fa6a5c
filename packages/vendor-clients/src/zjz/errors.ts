import { VendorError } from '../core/index.js';
import { ZJZ_VENDOR } from './types.js';

/** A callback body that cannot be read as a zjz status notification (not a signature problem). */
export class CallbackFormatError extends VendorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ZJZ_VENDOR, message, options);
  }
}

/**
 * A request the client refuses to send because the vendor would refuse it anyway, or worse, accept
 * it half: a print order without a recipient would be billed and never mailed.
 */
export class ZjzRequestError extends VendorError {
  /** The request field at fault (`print_param.phone`, `order_no` …). */
  readonly field: string;

  constructor(field: string, message: string) {
    super(ZJZ_VENDOR, message);
    this.field = field;
  }
}
