import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// rejectionOf is the protocol tests' own: one helper for both packages' specs.
export { rejectionOf } from '../../../../vendor-clients/src/docloud/test-support/rejection.js';
import { DocloudClient } from '@banshi/vendor-clients/docloud';
import { startDocloudSimulator, type DocloudSimulator, type DocloudSimulatorOptions } from '../index.js';

export const APP_KEY = 'BANSHI_TEST_KEY';
export const APP_SECRET = 'banshi-test-secret';

export interface ReceivedCallback {
  path: string;
  rawQuery: string;
  rawBody: string;
}

/**
 * A partner's callback endpoint in miniature: records each request exactly as received and answers
 * the acknowledgement (or, when told to, an error so the vendor retries).
 */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  /** Answer this many requests with HTTP 500 before acknowledging again. */
  failNext = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<CallbackReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new CallbackReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = req.url ?? '/';
        const at = url.indexOf('?');
        receiver.received.push({
          path: at < 0 ? url : url.slice(0, at),
          rawQuery: at < 0 ? '' : url.slice(at + 1),
          rawBody: Buffer.concat(chunks).toString('utf8'),
        });
        if (receiver.failNext > 0) {
          receiver.failNext--;
          res.writeHead(500).end('busy');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
      });
    });
    return receiver;
  }

  at(path: string): ReceivedCallback[] {
    return this.received.filter((callback) => callback.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Harness {
  sim: DocloudSimulator;
  client: DocloudClient;
  receiver: CallbackReceiver;
  close(): Promise<void>;
}

/** A simulator, a client pointed at it and a callback receiver registered with it. */
export async function startHarness(options: Partial<DocloudSimulatorOptions> = {}): Promise<Harness> {
  const receiver = await CallbackReceiver.start();
  const sim = await startDocloudSimulator({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    callbackRetryDelaysMs: [20, 40, 80],
    orderCallbackUrl: `${receiver.url}/docloud/order?channel=banshi`,
    violationCallbackUrl: `${receiver.url}/docloud/violation`,
    ...options,
  });
  const client = new DocloudClient({
    baseUrl: sim.url,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    timeoutMs: 3_000,
    maxRetries: 1,
  });
  return {
    sim,
    client,
    receiver,
    async close() {
      await sim.close();
      await receiver.close();
    },
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Calls `read` until its answer passes `check`, for state that moves on its own. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 3_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The smallest valid images of each format the travel-licence upload accepts. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
