import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  verifyZjzCallback,
  ZJZ_CALLBACK_ACK,
  zjzCallbackFailure,
  type ZjzCallbackEvent,
} from '@banshi/vendor-clients/zjz';

export interface ReceivedCallback {
  path: string;
  contentType: string;
  body: string;
  event?: ZjzCallbackEvent;
  error?: Error;
}

/**
 * A merchant's callback endpoint for tests: verifies every body with `verifyZjzCallback`, records it,
 * and answers the acknowledgement (or what `answer` says, to test the vendor's retries).
 */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  /** The notice_url to give the vendor, with an unguessable token as the README asks. */
  readonly noticeUrl: string;
  answer: (call: ReceivedCallback, index: number) => { status: number; body: string } = (call) =>
    call.event
      ? { status: 200, body: JSON.stringify(ZJZ_CALLBACK_ACK) }
      : { status: 200, body: JSON.stringify(zjzCallbackFailure()) };

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {
    this.noticeUrl = `${baseUrl}/zjz/notify/${randomBytes(8).toString('hex')}`;
  }

  static async start(apiKey: string): Promise<CallbackReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new CallbackReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const call: ReceivedCallback = {
          path: req.url ?? '/',
          contentType: String(req.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        };
        try {
          call.event = verifyZjzCallback({ rawBody: call.body, contentType: call.contentType }, apiKey);
        } catch (error) {
          call.error = error as Error;
        }
        receiver.received.push(call);
        const answer = receiver.answer(call, receiver.received.length - 1);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
    return receiver;
  }

  /** Statuses received for an order, in arrival order. */
  statuses(orderNo: string): number[] {
    return this.events(orderNo).map((event) => event.status);
  }

  events(orderNo: string): ZjzCallbackEvent[] {
    return this.received.flatMap((call) => (call.event && call.event.orderNo === orderNo ? [call.event] : []));
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    return closed;
  }
}
