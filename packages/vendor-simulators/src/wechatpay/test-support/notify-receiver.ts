import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  WECHATPAY_NOTIFY_SUCCESS,
  wechatpayNotifyFailure,
  type NotificationKeys,
  verifyWechatPayNotification,
  type WechatPayNotificationEvent,
} from '@banshi/vendor-clients/wechatpay';

export interface ReceivedNotification {
  headers: IncomingHttpHeaders;
  body: string;
  event?: WechatPayNotificationEvent;
  error?: Error;
}

/**
 * A merchant's notify_url for tests: verifies every notification with `verifyWechatPayNotification`,
 * records it, and answers 204 (or what `answer` says, to make WeChat Pay retry).
 */
export class NotifyReceiver {
  readonly received: ReceivedNotification[] = [];
  answer: (call: ReceivedNotification, index: number) => { status: number; body: string } = (call) =>
    call.event ? WECHATPAY_NOTIFY_SUCCESS : wechatpayNotifyFailure('验签失败', 401);

  private constructor(
    private readonly server: Server,
    readonly notifyUrl: string,
  ) {}

  static async start(keys: NotificationKeys): Promise<NotifyReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new NotifyReceiver(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/pay/notify`,
    );
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const call: ReceivedNotification = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        try {
          call.event = verifyWechatPayNotification({ headers: req.headers, rawBody: call.body }, keys);
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

  events(): WechatPayNotificationEvent[] {
    return this.received.flatMap((call) => (call.event ? [call.event] : []));
  }

  eventTypes(outTradeNo: string): string[] {
    return this.events()
      .filter((event) => event.outTradeNo === outTradeNo)
      .map((event) => event.eventType);
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    return closed;
  }
}
