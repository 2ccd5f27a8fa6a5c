import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import type { TokenPayload } from '../auth/auth-tokens.js';
import { AppError } from '../common/errors/app-error.js';

/**
 * Paths never throttled: vendors' callbacks (a vendor retrying a burst must not be refused what it
 * is obliged to deliver; they are verified and deduplicated instead), metrics and health probes.
 */
const UNTHROTTLED = [/^\/api\/callbacks\//, /^\/metrics(\/|$)/, /^\/api\/health(\/|$)/];

type ThrottledRequest = Request & { throttleSubject?: string | null };

/**
 * Two counters per minute, shared by every route: one per client address (`ip`), one per
 * signed-in user or merchant (`user`, skipped for anonymous requests). Runs before the routes'
 * own guards, so it reads the bearer token itself.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly jwt: JwtService,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const path = context.switchToHttp().getRequest<Request>().path;
    return UNTHROTTLED.some((pattern) => pattern.test(path));
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const request = props.context.switchToHttp().getRequest<ThrottledRequest>();
    if (props.throttler.name === 'user') {
      const subject = await this.subjectOf(request);
      if (!subject) return true;
      return super.handleRequest({ ...props, getTracker: () => subject });
    }
    return super.handleRequest(props);
  }

  /** One bucket per client or user across all routes (the library's default is one per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `throttle:${name}:${tracker}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw AppError.tooManyRequests('TOO_MANY_REQUESTS', '操作太频繁了，请稍等一分钟再试');
  }

  private async subjectOf(request: ThrottledRequest): Promise<string | null> {
    if (request.throttleSubject !== undefined) return request.throttleSubject;
    const header = request.headers.authorization;
    let subject: string | null = null;
    if (header?.startsWith('Bearer ')) {
      try {
        const payload = await this.jwt.verifyAsync<TokenPayload>(header.slice(7));
        subject = `${payload.typ}:${payload.sub}`;
      } catch {
        subject = null; // an invalid token is refused by the route's guard; the address counter still counts it
      }
    }
    request.throttleSubject = subject;
    return subject;
  }
}
