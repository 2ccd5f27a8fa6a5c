import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './bare-server.js';

/** One TRANSACTION.SUCCESS as WeChat Pay sent it: the body and the headers its signature is in. */
export interface CapturedNotification {
  body: string;
  headers: Record<string, string>;
}

/**
 * The bench server's PUBLIC_BASE_URL points here, so every notification the WeChat Pay simulator
 * sends (encrypted with the APIv3 key, signed with its platform key, exactly as it sends them to us)
 * is kept and acknowledged instead of delivered: the bench then sends them itself, at its own pace,
 * to the real route. Anything else that lands here (another vendor's callback) is acknowledged too.
 */
export class NotificationCapture {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly transactions: CapturedNotification[],
  ) {}

  static async start(): Promise<NotificationCapture> {
    const transactions: CapturedNotification[] = [];
    const server = createServer((request, response) => {
      void readBody(request).then((body) => {
        if (request.url?.endsWith('/callbacks/wechatpay/notify') && body.includes('"TRANSACTION.SUCCESS"')) {
          transactions.push({ body, headers: wechatpayHeaders(request.headers) });
        }
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new NotificationCapture(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, transactions);
  }

  /** Hands over what was captured so far, and forgets it. */
  take(): CapturedNotification[] {
    return this.transactions.splice(0);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function wechatpayHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('wechatpay-') && typeof value === 'string') kept[name] = value;
  }
  return kept;
}
