import { sleep } from './clock.js';
import { VendorApiError, VendorConnectionError, VendorError, VendorTimeoutError } from './errors.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** What every vendor client is created from. */
export interface VendorClientOptions {
  baseUrl: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls after a timeout, a connection failure, a 429 or a 5xx. */
  maxRetries?: number;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: FetchLike;
  /** Told about every HTTP attempt (metrics, logs); it must not throw and cannot change the outcome. */
  observer?: TransportObserver;
}

/** One HTTP attempt to a vendor, as an observer sees it. */
export interface VendorAttempt {
  vendor: string;
  method: 'GET' | 'POST';
  /** The path below the base URL, without the query: the vendor's endpoint, a bounded set. */
  endpoint: string;
  /** 1 for the first try, 2… for retries. */
  attempt: number;
  durationMs: number;
  /** The HTTP status when an answer came. */
  status?: number;
  /**
   * `ok` (an answer that is not retried: vendors put business errors in a 200's body), the
   * retried answers `http_408`, `http_429` and `http_5xx`, or no answer: `timeout`, `connection`.
   */
  outcome: 'ok' | 'http_408' | 'http_429' | 'http_5xx' | 'timeout' | 'connection';
}

export interface TransportObserver {
  onAttempt(attempt: VendorAttempt): void;
}

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path below the base URL, starting with `/`. */
  path: string;
  /** Query string already serialised (vendors sign it as sent), without the leading `?`. */
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Only calls that are safe to repeat are retried: reads, and writes that carry the vendor's own
   * idempotency key (Docloud `outOrderNo`, Yundou `oid`). Anything else fails on the first error,
   * because a second attempt could create a second vendor order.
   */
  idempotent: boolean;
}

export interface TransportResponse {
  status: number;
  headers: Headers;
  text: string;
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

export class HttpTransport {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly fetchImpl: FetchLike;
  private readonly observer?: TransportObserver;

  constructor(
    readonly vendor: string,
    options: VendorClientOptions,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.observer = options.observer;
  }

  url(path: string, query?: string): string {
    return `${this.baseUrl}${path}${query ? `?${query}` : ''}`;
  }

  /**
   * Sends one request. Answers with any 2xx-4xx status (vendors put business errors in the body);
   * throws `VendorApiError` for a 5xx or 429 that is left after retrying, `VendorTimeoutError`
   * or `VendorConnectionError` when no answer came.
   */
  async send(request: TransportRequest): Promise<TransportResponse> {
    const attempts = request.idempotent ? this.maxRetries + 1 : 1;
    let lastError: VendorError | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoffMs(attempt));
      const started = performance.now();
      try {
        const response = await this.attempt(request);
        this.observe(request, attempt, started, outcomeOf(response.status), response.status);
        if (!RETRYABLE_STATUS(response.status)) return response;
        lastError = new VendorApiError(this.vendor, `${this.vendor} answered HTTP ${response.status}`, {
          code: `HTTP_${response.status}`,
          httpStatus: response.status,
          rawBody: response.text.slice(0, 2000),
        });
      } catch (error) {
        if (!(error instanceof VendorError)) throw error;
        this.observe(request, attempt, started, error instanceof VendorTimeoutError ? 'timeout' : 'connection');
        lastError = error;
      }
    }
    throw lastError as VendorError;
  }

  private observe(
    request: TransportRequest,
    attempt: number,
    started: number,
    outcome: VendorAttempt['outcome'],
    status?: number,
  ): void {
    if (!this.observer) return;
    const durationMs = performance.now() - started;
    try {
      this.observer.onAttempt({
        vendor: this.vendor,
        method: request.method,
        endpoint: request.path,
        attempt: attempt + 1,
        durationMs,
        status,
        outcome,
      });
    } catch {
      // An observer's bug must not turn a vendor's answer into a failure.
    }
  }

  private async attempt(request: TransportRequest): Promise<TransportResponse> {
    const url = this.url(request.path, request.query);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (isTimeout(error)) {
        throw new VendorTimeoutError(this.vendor, `${this.vendor} did not answer within ${this.timeoutMs} ms`, {
          cause: error,
        });
      }
      throw new VendorConnectionError(
        this.vendor,
        `${this.vendor} could not be reached: ${describeFetchError(error)}`,
        {
          cause: error,
        },
      );
    }
    try {
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      if (isTimeout(error)) {
        throw new VendorTimeoutError(this.vendor, `${this.vendor} stopped answering mid-response`, { cause: error });
      }
      throw new VendorConnectionError(this.vendor, `${this.vendor} connection broke: ${describeFetchError(error)}`, {
        cause: error,
      });
    }
  }
}

/** Parses a JSON answer, turning a non-JSON body into a `VendorApiError` rather than a SyntaxError. */
export function parseJsonBody<T>(vendor: string, response: TransportResponse): T {
  try {
    return JSON.parse(response.text) as T;
  } catch (error) {
    throw new VendorApiError(
      vendor,
      `${vendor} answered with something that is not JSON (HTTP ${response.status})`,
      { code: 'INVALID_RESPONSE', httpStatus: response.status, rawBody: response.text.slice(0, 2000) },
      { cause: error },
    );
  }
}

function outcomeOf(status: number): VendorAttempt['outcome'] {
  if (status >= 500) return 'http_5xx';
  if (status === 408 || status === 429) return `http_${status}`;
  return 'ok';
}

/** Exponential backoff with jitter before retry `attempt` (1, 2, …). */
export function backoffMs(attempt: number): number {
  const base = 100 * 2 ** (attempt - 1);
  return base + Math.floor(Math.random() * base);
}

export function isTimeout(error: unknown): boolean {
  // An aborted fetch rejects with a DOMException, which is not always `instanceof Error` across realms.
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** The short reason of a failed fetch (its cause's code, e.g. ECONNREFUSED). */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
