import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sleep } from '@banshi/vendor-clients';

/** A request as a simulator handler sees it: everything a vendor's server could check. */
export interface SimRequest {
  method: string;
  path: string;
  /** The query string exactly as sent, without `?` (vendors sign it as sent). */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  text(): string;
  /** Parsed JSON body; `undefined` when the body is empty or not JSON. */
  json<T = unknown>(): T | undefined;
  form(): URLSearchParams;
}

export interface SimResponse {
  status?: number;
  json?: unknown;
  text?: string;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export type SimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

/** How a lost answer is lost: the vendor's gateway answers 503, or the connection hangs and drops. */
export type LostAnswerMode = 'fail' | 'hang';

export type FaultDraw =
  { kind: 'pass' } | { kind: 'fail'; status: number } | { kind: 'hang' } | { kind: 'lose'; mode: LostAnswerMode };

/** How many faults the knobs injected so far (kept across `reset()`, for test reports). */
export interface InjectedFaults {
  failed: number;
  hung: number;
  lost: number;
}

/**
 * Fault knobs shared by every simulator: answer with 5xx, hang past the client's timeout, slow
 * down, or do the work and lose the answer. Rates use the injectable `random` so a test can make
 * them deterministic.
 */
export class FaultKnobs {
  /** Share of requests (0..1) answered with HTTP 503 before the handler runs: nothing was done. */
  serverErrorRate = 0;
  /**
   * Share of requests (0..1) that hang for `hangMs` before the handler runs. The handler still runs
   * then, answering into a socket the client has usually given up on: the work is done, late.
   */
  timeoutRate = 0;
  /**
   * Share of requests (0..1) the handler processes at once (an order is created, a call is charged)
   * whose answer is then lost: a 503 instead of it, or a hang of `hangMs` and a dropped connection.
   * The case a client cannot tell from a plain failure, and the one that makes a retry dangerous.
   */
  lostAnswerRate = 0;
  /** Fixed extra latency for every answer. */
  delayMs = 0;
  hangMs = 30_000;
  random: () => number = Math.random;
  readonly injected: InjectedFaults = { failed: 0, hung: 0, lost: 0 };
  private failNextCount = 0;
  private failNextStatus = 503;
  private hangNextCount = 0;
  /** Armed lost answers, each for any path or for one path only. */
  private readonly losing: { count: number; mode: LostAnswerMode; path?: string }[] = [];

  /** The next `count` requests get `status` (a 5xx by default). */
  failNext(count = 1, status = 503): void {
    this.failNextCount = count;
    this.failNextStatus = status;
  }

  /** The next `count` requests hang for `hangMs`. */
  hangNext(count = 1): void {
    this.hangNextCount = count;
  }

  /**
   * The next `count` requests (to `path` only, when given) are processed, and their answer is lost
   * as `mode` says. Arming it for one path lets a test hit the one call that creates an order.
   */
  loseNextAnswer(count = 1, mode: LostAnswerMode = 'fail', path?: string): void {
    this.losing.push({ count, mode, path });
  }

  /** The total of every kind of injected fault. */
  get injectedTotal(): number {
    return this.injected.failed + this.injected.hung + this.injected.lost;
  }

  reset(): void {
    this.serverErrorRate = 0;
    this.timeoutRate = 0;
    this.lostAnswerRate = 0;
    this.delayMs = 0;
    this.failNextCount = 0;
    this.hangNextCount = 0;
    this.losing.length = 0;
  }

  /** Decides what happens to one request (to `path`), and counts what it injects. */
  draw(path?: string): FaultDraw {
    const drawn = this.decide(path);
    if (drawn.kind === 'fail') this.injected.failed++;
    else if (drawn.kind === 'hang') this.injected.hung++;
    else if (drawn.kind === 'lose') this.injected.lost++;
    return drawn;
  }

  private decide(path: string | undefined): FaultDraw {
    if (this.hangNextCount > 0) {
      this.hangNextCount--;
      return { kind: 'hang' };
    }
    if (this.failNextCount > 0) {
      this.failNextCount--;
      return { kind: 'fail', status: this.failNextStatus };
    }
    const armed = this.losing.find((entry) => entry.path === undefined || entry.path === path);
    if (armed) {
      if (--armed.count <= 0) this.losing.splice(this.losing.indexOf(armed), 1);
      return { kind: 'lose', mode: armed.mode };
    }
    if (this.timeoutRate > 0 && this.random() < this.timeoutRate) return { kind: 'hang' };
    if (this.serverErrorRate > 0 && this.random() < this.serverErrorRate) return { kind: 'fail', status: 503 };
    if (this.lostAnswerRate > 0 && this.random() < this.lostAnswerRate) {
      return { kind: 'lose', mode: this.random() < 0.5 ? 'fail' : 'hang' };
    }
    return { kind: 'pass' };
  }
}

export interface SimulatorHostOptions {
  /** The vendor's name, for logs and error answers. */
  name: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Bodies above this are refused with 413 before a handler sees them. */
  maxBodyBytes?: number;
  /** Base URL the host advertises for its files when it sits behind another address. */
  publicUrl?: string;
}

interface LoggedRequest {
  method: string;
  path: string;
  at: number;
}

/**
 * A small HTTP server on which a vendor simulator registers its routes. It also serves files the
 * simulator publishes (generated photos, receipts), injects faults, and keeps a log of requests
 * so tests can count vendor calls.
 */
export class SimulatorHost {
  readonly faults = new FaultKnobs();
  readonly requestLog: LoggedRequest[] = [];
  private readonly routes = new Map<string, SimHandler>();
  /** Routes whose path carries parameters (REST vendors): tried in order after the exact routes. */
  private readonly prefixRoutes: { method: string; prefix: string; handler: SimHandler }[] = [];
  private readonly files = new Map<string, { body: Buffer; contentType: string }>();
  private readonly sockets = new Set<Socket>();
  private closed = false;

  private constructor(
    readonly name: string,
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: SimulatorHostOptions): Promise<SimulatorHost> {
    const host = options.host ?? '127.0.0.1';
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
    const simulator = new SimulatorHost(options.name, server, url);
    server.on('connection', (socket) => {
      simulator.sockets.add(socket);
      socket.on('close', () => simulator.sockets.delete(socket));
    });
    server.on('request', (req, res) => void simulator.handle(req, res, options.maxBodyBytes ?? 20 * 1024 * 1024));
    return simulator;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  route(method: 'GET' | 'POST', path: string, handler: SimHandler): this {
    this.routes.set(`${method} ${path}`, handler);
    return this;
  }

  /**
   * Routes every path below `prefix` (REST paths such as `/v3/refund/domestic/refunds/{no}`); the
   * handler reads its parameters from `request.path`. Exact routes win over prefix routes.
   */
  routePrefix(method: 'GET' | 'POST', prefix: string, handler: SimHandler): this {
    this.prefixRoutes.push({ method, prefix, handler });
    return this;
  }

  /** Serves `body` from this simulator at an unguessable URL, as vendors serve result images. */
  publishFile(body: Buffer, contentType: string, extension = contentType.split('/')[1] ?? 'bin'): string {
    const id = `${randomBytes(12).toString('hex')}.${extension}`;
    this.files.set(id, { body, contentType });
    return `${this.url}/files/${id}`;
  }

  /** How many requests reached `path` (after fault injection). */
  callsTo(path: string): number {
    return this.requestLog.filter((entry) => entry.path === path).length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await done;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://simulator.local');
      const rawQuery = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
      const rawBody = await readBody(req, maxBodyBytes);
      if (rawBody === 'too-large') return send(res, { status: 413, json: { message: 'request body too large' } });

      const fault = this.faults.draw(url.pathname);
      if (fault.kind === 'hang') {
        await sleep(this.faults.hangMs);
        if (this.closed) return;
      }
      if (fault.kind === 'fail') {
        return send(res, { status: fault.status, text: `${this.name} simulator: injected HTTP ${fault.status}` });
      }
      if (this.faults.delayMs > 0) await sleep(this.faults.delayMs);

      const response = await this.respond(req, url, rawQuery, rawBody);
      if (fault.kind !== 'lose') return send(res, response);
      // The work is done (the handler ran); only its answer goes missing.
      if (fault.mode === 'fail') {
        return send(res, { status: 503, text: `${this.name} simulator: answer lost (injected HTTP 503)` });
      }
      await sleep(this.faults.hangMs);
      res.destroy();
    } catch (error) {
      if (!res.headersSent) {
        send(res, { status: 500, json: { message: `${this.name} simulator error: ${(error as Error).message}` } });
      }
    }
  }

  private async respond(req: IncomingMessage, url: URL, rawQuery: string, rawBody: Buffer): Promise<SimResponse> {
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const file = this.files.get(url.pathname.slice('/files/'.length));
      return file ? { body: file.body, contentType: file.contentType } : { status: 404, text: 'not found' };
    }
    const handler =
      this.routes.get(`${req.method} ${url.pathname}`) ??
      this.prefixRoutes.find((entry) => entry.method === req.method && url.pathname.startsWith(entry.prefix))?.handler;
    if (!handler) return { status: 404, json: { message: `no route ${req.method} ${url.pathname}` } };
    this.requestLog.push({ method: req.method ?? 'GET', path: url.pathname, at: Date.now() });
    return handler(buildRequest(req, url, rawQuery, rawBody));
  }
}

function buildRequest(req: IncomingMessage, url: URL, rawQuery: string, rawBody: Buffer): SimRequest {
  const text = () => rawBody.toString('utf8');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    rawQuery,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    text,
    json<T>() {
      try {
        return rawBody.length ? (JSON.parse(text()) as T) : undefined;
      } catch {
        return undefined;
      }
    },
    form: () => new URLSearchParams(text()),
  };
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.headersSent || res.destroyed) return;
  let body: Buffer;
  let contentType = response.contentType;
  if (response.body) body = response.body;
  else if (response.text !== undefined) {
    body = Buffer.from(response.text, 'utf8');
    contentType ??= 'text/plain; charset=utf-8';
  } else {
    body = Buffer.from(JSON.stringify(response.json ?? {}), 'utf8');
    contentType ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status ?? 200, {
    'content-type': contentType ?? 'application/octet-stream',
    'content-length': String(body.length),
    ...response.headers,
  });
  res.end(body);
}
