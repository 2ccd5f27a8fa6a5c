import { Injectable, Logger } from '@nestjs/common';
import { Router, type Request, type Response, type Router as ExpressRouter } from 'express';
import { currentRequestId } from '../observability/request-context.js';
import type { CallbackAnswer, CallbackHandler } from './callback-handler.js';
import { CallbackInbox } from './callback-inbox.service.js';
import { rawCallbackFrom } from './raw-callback.js';

export interface CallbackRoute<E, P> {
  /** Under /api/callbacks, in Express's syntax: `docloud/order`, `zjz/:token`. */
  path: string;
  handler: CallbackHandler<E, P>;
  /** For an answer whose body is a string (WeChat's push wants text/plain); objects are JSON. */
  contentType?: string;
  /** After the answer has gone out, e.g. to start the work a committed notification allows. */
  onAnswered?: (answer: CallbackAnswer) => void;
}

/**
 * The vendors' POST routes, served by Express directly rather than through NestJS's router: a
 * callback needs none of the framework's per-request machinery (guards, pipes, interceptors, the
 * throttler that skips callbacks anyway, pino-http's two log lines), and the callback route is the
 * one route whose throughput is measured against a bare handler (`pnpm bench`). What a callback
 * does get is the same as every request: the drain check, the raw body, the request id, and here
 * one log line with its outcome. Services mount their routes in `onModuleInit`, next to the
 * inbox registration of their handlers.
 */
@Injectable()
export class CallbackRouter {
  private readonly logger = new Logger('Callbacks');
  readonly router: ExpressRouter = Router();

  constructor(private readonly inbox: CallbackInbox) {}

  mount<E, P>(route: CallbackRoute<E, P>): void {
    this.router.post(`/${route.path}`, (request, response) => void this.serve(route, request, response));
  }

  private async serve<E, P>(route: CallbackRoute<E, P>, request: Request, response: Response): Promise<void> {
    const started = performance.now();
    const { handler } = route;
    let answer: CallbackAnswer;
    try {
      answer = await this.inbox.receive(handler, rawCallbackFrom(request, paramsOf(request)));
    } catch (error) {
      // The inbox stores what it can before answering; what escapes it (the database gone while
      // storing a rejected request) is the vendor's to retry.
      this.logger.error({ err: error, vendor: handler.vendor, topic: handler.topic }, 'callback not stored');
      answer = handler.failure('temporarily unavailable');
    }
    write(response, answer, route.contentType);
    this.logger.log({
      vendor: handler.vendor,
      topic: handler.topic,
      status: answer.status,
      ms: Math.round(performance.now() - started),
      requestId: currentRequestId(),
    });
    route.onAnswered?.(answer);
  }
}

/** Express types route params loosely; ours are plain path segments. */
function paramsOf(request: Request): Record<string, string> {
  return Object.fromEntries(Object.entries(request.params).map(([name, value]) => [name, String(value)]));
}

/**
 * Written with Node's own `writeHead`/`end`: Express's `json`/`send` would also hash the body for an
 * ETag and check freshness, which no vendor reads on the answer to a POST (a few percent of the
 * route's CPU in the bench's profile). The headers are the ones `json`/`send` set.
 */
function write(response: Response, answer: CallbackAnswer, contentType = 'application/json'): void {
  if (answer.body === '') {
    response.writeHead(answer.status).end();
    return;
  }
  const json = typeof answer.body !== 'string';
  const body = typeof answer.body === 'string' ? answer.body : (JSON.stringify(answer.body) ?? '');
  const type = json ? 'application/json' : contentType;
  response
    .writeHead(answer.status, {
      'content-type': type.includes('charset') ? type : `${type}; charset=utf-8`,
      'content-length': Buffer.byteLength(body),
    })
    .end(body);
}
