import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorBody } from './app-error.js';

const STATUS_MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求内容有误，请检查后重试' },
  401: { code: 'UNAUTHORIZED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '没有权限进行此操作' },
  404: { code: 'NOT_FOUND', message: '找不到该页面或记录' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方式' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '上传的内容太大，请压缩后重试' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  429: { code: 'TOO_MANY_REQUESTS', message: '操作太频繁，请稍后再试' },
};

/**
 * Every error leaves as `{ code, message }`. Errors thrown by Express's body parser or by multer
 * (malformed JSON, a body or file over the limit) are translated into 4xx answers a person can act
 * on. Anything unexpected is logged with its stack and answered 500 without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const { status, body } = this.describe(exception);
    if (status >= 500) {
      this.logger.error(
        { err: exception, method: request.method, url: request.originalUrl?.split('?')[0] },
        'unhandled error',
      );
    }
    if (response.headersSent) return;
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: ErrorBody } {
    const parserError =
      exception instanceof HttpException
        ? this.fromBodyParser((exception as { cause?: unknown }).cause)
        : this.fromBodyParser(exception);
    if (parserError) return parserError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400 && /JSON/i.test(exception.message)) {
        return { status, body: { code: 'MALFORMED_BODY', message: '请求内容不是有效的 JSON，请检查后重试' } };
      }
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload && 'code' in payload && 'message' in payload) {
        return { status, body: payload as ErrorBody };
      }
      return { status, body: STATUS_MESSAGES[status] ?? { code: `HTTP_${status}`, message: exception.message } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: 'INTERNAL', message: '服务器开小差了，请稍后重试' },
    };
  }

  private fromBodyParser(exception: unknown): { status: number; body: ErrorBody } | undefined {
    if (!exception || exception instanceof HttpException) return undefined;
    const error = exception as { type?: string; status?: number; code?: string; name?: string } | undefined;
    if (error?.type === 'entity.parse.failed') {
      return { status: 400, body: { code: 'MALFORMED_BODY', message: '请求内容不是有效的 JSON，请检查后重试' } };
    }
    if (error?.type === 'entity.too.large' || error?.code === 'LIMIT_FILE_SIZE') {
      return { status: 413, body: STATUS_MESSAGES[413] };
    }
    if (error?.name === 'MulterError') {
      return { status: 400, body: { code: `UPLOAD_${error.code ?? 'ERROR'}`, message: '上传的文件有误，请重新选择' } };
    }
    if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      return {
        status: error.status,
        body: STATUS_MESSAGES[error.status] ?? { code: `HTTP_${error.status}`, message: '请求有误' },
      };
    }
    return undefined;
  }
}
