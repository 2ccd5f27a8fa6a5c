import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from './app-error.js';

/**
 * Every non-2xx answer's body (the error filter's `ErrorBody`), described in the OpenAPI document so the
 * clients' generated types have it too (registered as an extra model: no route names it).
 */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ description: 'Stable, for programs', example: 'ORDER_NOT_FOUND' }) code!: string;
  @ApiProperty({ description: 'For the person in front of the screen (Chinese on user routes)' }) message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Per-field problems, when the request had several',
  })
  fields?: Record<string, string>;
  @ApiPropertyOptional({ description: 'The same request may succeed later (vendor down, timeout)' })
  retryable?: boolean;
}
