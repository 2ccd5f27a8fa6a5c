import { OffsetClock } from '@banshi/vendor-clients';
import { startWechatPaySimulator } from '@banshi/vendor-simulators/wechatpay';
import type { SandboxSimulatorDefinition } from '../sandbox-simulator.js';
import { SANDBOX_WECHAT_APP_ID } from './wechat.sandbox.js';

/**
 * WeChat Pay: the simulator makes the merchant key pair, the APIv3 key and its own platform key at
 * start (sandbox keys, never written anywhere) and hands the client all of them. The mini-program's
 * AppID is the sandbox WeChat one, so the openids of sandbox logins can pay. Notifications go to the
 * `notify_url` of each prepay (built on our public address); in sandbox the retry schedule is
 * compressed 100× (the first retry after 150 ms) so that a lost acknowledgement heals in seconds.
 * The simulator also serves the H5 cashier that stands in for `wx.requestPayment`. Its clock (the
 * system time unless a test moves it) is handed to our client too, so that a test can put WeChat
 * Pay on another day — for the daily bill — without breaking the signatures' time windows.
 */
export const wechatpaySandbox: SandboxSimulatorDefinition<'wechatpay'> = {
  vendor: 'wechatpay',
  standalonePort: 4106,
  async start({ port }) {
    const clock = new OffsetClock();
    const simulator = await startWechatPaySimulator({
      port,
      clock,
      appids: [SANDBOX_WECHAT_APP_ID],
      timeScale: Number(process.env.SANDBOX_WECHATPAY_TIME_SCALE ?? 0.01),
      refundDelayMs: Number(process.env.SANDBOX_WECHATPAY_REFUND_MS ?? 1500),
    });
    const credentials = simulator.credentials();
    return {
      simulator,
      settings: {
        baseUrl: simulator.url,
        ...credentials,
        platformPublicKey: simulator.platformPublicKeyPem,
        clock,
      },
    };
  },
};
