import { VendorApiError, VendorError } from '@banshi/vendor-clients';
import { AppError } from './app-error.js';

/**
 * Turns a vendor failure into an answer a person can act on. Network trouble and vendor 5xx are
 * "try again later"; anything else the vendor refused is shown with the vendor's own words,
 * which are Chinese and specific ("车架号位数错误").
 */
export function vendorErrorToAppError(error: unknown, serviceName: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof VendorError && error.retryable) {
    return AppError.vendorUnavailable(`${serviceName}暂时无法连接，请稍后重试`);
  }
  if (error instanceof VendorApiError) {
    return AppError.vendorRefused(`VENDOR_${error.code}`, error.message || `${serviceName}未能受理，请检查后重试`);
  }
  if (error instanceof VendorError) return AppError.vendorUnavailable(`${serviceName}暂时不可用，请稍后重试`);
  throw error;
}
