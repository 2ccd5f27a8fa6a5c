import { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import type { SandboxSimulatorDefinition } from '../sandbox-simulator.js';

export const SANDBOX_WECHAT_APP_ID = 'wxsandbox0000000001';
const APP_ID = SANDBOX_WECHAT_APP_ID;
const APP_SECRET = 'sandbox-wechat-secret';
const PUSH_TOKEN = 'sandbox-push-token';
/** Safe mode (安全模式), as recommended for production, so the sandbox exercises decryption too. */
const PUSH_AES_KEY = 'SandboxPushAesKey0000000000000000000000000A';

/**
 * WeChat: login, tokens, subscribe messages, phone numbers and content checks. Its message-push URL is
 * set the way a merchant sets it in 小程序后台, once we know our address. `SANDBOX_FLAG_IMAGES=1` makes
 * every content check come back risky, to try the withdrawal by hand.
 */
export const wechatSandbox: SandboxSimulatorDefinition<'wechat'> = {
  vendor: 'wechat',
  standalonePort: 4101,
  async start({ port }) {
    const simulator = await WechatSimulator.start({
      appId: APP_ID,
      appSecret: APP_SECRET,
      port,
      push: { token: PUSH_TOKEN, encodingAesKey: PUSH_AES_KEY },
    });
    if (process.env.SANDBOX_FLAG_IMAGES === '1') simulator.mediaChecks.verdictFor = () => 'risky';
    return {
      simulator,
      settings: {
        baseUrl: simulator.url,
        appId: APP_ID,
        appSecret: APP_SECRET,
        pushToken: PUSH_TOKEN,
        pushAesKey: PUSH_AES_KEY,
      },
    };
  },
  onServerListening(simulator, base) {
    (simulator as WechatSimulator).setPushUrl(`${base}/api/callbacks/wechat/push`);
  },
};
