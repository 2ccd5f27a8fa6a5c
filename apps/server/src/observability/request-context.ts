import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What follows one unit of work (an HTTP request, a job tick) through every await it makes. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A caller's own id is kept (a proxy's or a client's trace) when it is short and plain. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The id of the request (or job tick) this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs work under a context of its own, e.g. a scheduled job's tick (`job:<name>:<uuid>`). */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/**
 * First middleware of the app: takes `X-Request-Id` from the caller (nginx sets one) or makes one,
 * answers it in the same header, sets `req.id` (which pino-http uses for the request's log lines)
 * and runs the rest of the request inside the context, so that log lines far from the request —
 * a vendor call made by a service — carry the same id.
 */
export function requestContextMiddleware(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
  next: () => void,
): void {
  const given = request.headers['x-request-id'];
  const requestId = typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
  request.id = requestId;
  response.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}
