import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  path: string;
  contentType: string;
  body: string;
}

/**
 * A tiny merchant server for the tests: records every callback the simulator posts and answers with
 * the next status of `statuses` (200 once they run out).
 */
export class CallbackInbox {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly received: ReceivedCallback[],
    readonly statuses: number[],
  ) {}

  static async start(): Promise<CallbackInbox> {
    const received: ReceivedCallback[] = [];
    const statuses: number[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          path: req.url ?? '/',
          contentType: String(req.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = statuses.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'success' : 'error');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new CallbackInbox(server, url, received, statuses);
  }

  /** A callback URL carrying a per-upload token, as the server builds them. */
  callbackUrl(token: string): string {
    return `${this.url}/callbacks/yundou/${token}`;
  }

  for(token: string): ReceivedCallback[] {
    return this.received.filter((callback) => callback.path.endsWith(`/${token}`));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
