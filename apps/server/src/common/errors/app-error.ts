import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The one shape every error leaves the API in: `{ code, message }`. `code` is stable and for
 * programs; `message` is for the person in front of the screen (Chinese on end-user routes) and
 * says what to do next.
 */
export interface ErrorBody {
  code: string;
  message: string;
  /** Per-field problems, when the request had several. */
  fields?: Record<string, string>;
  /** True when the same request may succeed later (vendor down, timeout). */
  retryable?: boolean;
}

export class AppError extends HttpException {
  constructor(status: HttpStatus, body: ErrorBody) {
    super(body, status);
  }

  static badRequest(code: string, message: string, fields?: Record<string, string>): AppError {
    return new AppError(HttpStatus.BAD_REQUEST, { code, message, fields });
  }

  static unauthorized(message = '请先登录', code = 'UNAUTHORIZED'): AppError {
    return new AppError(HttpStatus.UNAUTHORIZED, { code, message });
  }

  static forbidden(message = '没有权限进行此操作', code = 'FORBIDDEN'): AppError {
    return new AppError(HttpStatus.FORBIDDEN, { code, message });
  }

  static notFound(message = '找不到该记录', code = 'NOT_FOUND'): AppError {
    return new AppError(HttpStatus.NOT_FOUND, { code, message });
  }

  static conflict(code: string, message: string): AppError {
    return new AppError(HttpStatus.CONFLICT, { code, message });
  }

  static tooLarge(code: string, message: string): AppError {
    return new AppError(HttpStatus.PAYLOAD_TOO_LARGE, { code, message });
  }

  static unsupportedMedia(code: string, message: string): AppError {
    return new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, { code, message });
  }

  static unprocessable(code: string, message: string): AppError {
    return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, { code, message });
  }

  static tooManyRequests(code: string, message: string): AppError {
    return new AppError(HttpStatus.TOO_MANY_REQUESTS, { code, message, retryable: true });
  }

  /** A vendor is down or slow: nothing was done, the person may try again. */
  static vendorUnavailable(message: string, code = 'VENDOR_UNAVAILABLE'): AppError {
    return new AppError(HttpStatus.SERVICE_UNAVAILABLE, { code, message, retryable: true });
  }

  /** A vendor said no to something the person can fix or cannot change. */
  static vendorRefused(code: string, message: string): AppError {
    return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, { code, message });
  }
}
