import { HttpStatus } from '@nestjs/common';
import { SignatureVerificationError, VendorApiError, VendorError } from '@banshi/vendor-clients';
import { describeZhimaError, ZhimaInvalidInputError } from '@banshi/vendor-clients/zhima';
import { maskText } from '../common/crypto/masking.js';
import { AppError } from '../common/errors/app-error.js';

export const IDENTITY_BUSY_MESSAGE = '认证服务暂时繁忙，请稍后重试';

/** What the person is told, and what the operators read in the log. */
export interface CertifyFailure {
  error: AppError;
  /** One line for the log: error class and codes, never the request (it holds the photo). */
  summary: string;
  /** Operators must act (contract, keys): logged as an error rather than a warning. */
  operatorProblem: boolean;
}

/** 40004 sub_codes the person can do something about, in their words. */
const USER_FIXABLE: Record<string, string> = {
  INVALID_PARAMETER: '认证信息有误（参数有误）',
  BIZ_ERROR: '认证未能完成（业务异常，认证失败）',
};

/**
 * Maps what `certifyMaterial` threw. No verdict came back in any of these cases, so nothing is
 * stored: the vendor being down, slow or unsure (SYSTEM_ERROR, TRANSACTION_ERROR: "outcome
 * unknown, send again with a new transaction_id") is a retryable 503; a request the vendor refused
 * is a 422 with its meaning and what to do; a contract or key problem is a 503 that is not retryable
 * and is logged for the operators.
 */
export function certifyFailure(error: unknown): CertifyFailure {
  const summary = describe(error);
  if (error instanceof ZhimaInvalidInputError) {
    return {
      error: AppError.badRequest('INVALID_INPUT', error.message, { [error.field]: error.message }),
      summary,
      operatorProblem: false,
    };
  }
  if (error instanceof SignatureVerificationError) {
    // An answer we cannot trust: its verdict is unknown, a new attempt is the way out.
    return { error: busy('IDENTITY_VENDOR_UNVERIFIED'), summary, operatorProblem: true };
  }
  if (error instanceof VendorApiError) {
    const info = describeZhimaError(error);
    if (error.code === 'INVALID_RESPONSE') return { error: busy(), summary, operatorProblem: true };
    if (error.retryable || info?.retryLater) return { error: busy(), summary, operatorProblem: false };
    const userFixable = error.subCode ? USER_FIXABLE[error.subCode] : undefined;
    if (userFixable) {
      const vendorSays = error.message ? `：${maskText(error.message)}` : '';
      return {
        error: AppError.vendorRefused(
          `ZHIMA_${error.subCode}`,
          `${userFixable}${vendorSays}。请核对姓名、身份证号，重新拍摄一张清晰的本人正脸照片后再试`,
        ),
        summary,
        operatorProblem: false,
      };
    }
    // The contract, the keys or the request format: nothing the person can fix.
    return {
      error: new AppError(HttpStatus.SERVICE_UNAVAILABLE, {
        code: `ZHIMA_${error.subCode ?? error.code}`,
        message: `实名认证服务暂不可用（${info?.meaning ?? '服务商拒绝了请求'}），请联系客服处理`,
        retryable: false,
      }),
      summary: `${summary}; operator: ${info?.whatToDo ?? 'see the vendor document'}`,
      operatorProblem: true,
    };
  }
  if (error instanceof VendorError) return { error: busy(), summary, operatorProblem: !error.retryable };
  throw error;
}

function busy(code = 'IDENTITY_VENDOR_UNAVAILABLE'): AppError {
  return AppError.vendorUnavailable(IDENTITY_BUSY_MESSAGE, code);
}

function describe(error: unknown): string {
  if (error instanceof VendorApiError) {
    return `${error.name} code=${error.code} sub_code=${error.subCode ?? '-'} http=${error.httpStatus ?? '-'}: ${maskText(error.message)}`;
  }
  if (error instanceof Error) return `${error.name}: ${maskText(error.message)}`;
  return String(error);
}
