import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error.js';

/**
 * Turns class-validator failures into one `{ code: 'VALIDATION', message, fields }` answer. DTOs
 * write their messages in Chinese (`@IsString({ message: '请填写姓名' })`), so the first field's
 * message is shown as is.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidUnknownValues: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const fields: Record<string, string> = {};
      collect(errors, '', fields);
      const first = Object.values(fields)[0] ?? '请求内容有误，请检查后重试';
      return AppError.badRequest('VALIDATION', first, fields);
    },
  });
}

function collect(errors: ValidationError[], prefix: string, into: Record<string, string>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    // Decorators run bottom-up, so the topmost one (the most basic check, written first) is last.
    const message = error.constraints ? Object.values(error.constraints).at(-1) : undefined;
    if (message) into[path] = message;
    if (error.children?.length) collect(error.children, path, into);
  }
}
