/**
 * Error codes the simulator answers with. The document names no codes, only that a non-zero `code`
 * comes with a reason in `msg`, so these are the simulator's own; clients must not branch on them.
 */
export const ZJZ_SIM_CODES = {
  INVALID_KEY: 10001,
  MISSING_PARAMETER: 10002,
  UNKNOWN_ITEM: 20001,
  IMAGE_INVALID: 20002,
  IMAGE_TOO_LARGE: 20003,
  IMAGE_TOO_MANY_PIXELS: 20004,
  PIC_ID_UNKNOWN: 30001,
  PIC_ID_EXPIRED: 30002,
  PARAM_INVALID: 30003,
  PRINT_PARAM_INVALID: 30004,
  NOTICE_URL_INVALID: 30005,
  ORDER_UNKNOWN: 40001,
  ORDER_NOT_CANCELLABLE: 40002,
  ORDER_NOT_RESUBMITTABLE: 40003,
  PIC_ID_SPEC_MISMATCH: 40004,
} as const;

export type ZjzSimCode = (typeof ZJZ_SIM_CODES)[keyof typeof ZJZ_SIM_CODES];

/** A refusal of the simulated vendor: becomes `{data: {}, code, msg}` with HTTP 200. */
export class ZjzSimError extends Error {
  constructor(
    readonly code: ZjzSimCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZjzSimError';
  }
}
