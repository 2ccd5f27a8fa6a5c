import { WechatSimulator } from '@banshi/vendor-clients/wechat';
import type { SandboxSimulatorDefinition } from '../sandbox-simulator.js';

const APP_ID = 'wxsandbox0000000001';
const APP_SECRET = 'sandbox-wechat-secret';

export const wechatSandbox: SandboxSimulatorDefinition<'wechat'> = {
  vendor: 'wechat',
  standalonePort: 4101,
  async start({ port }) {
    const simulator = await WechatSimulator.start({ appId: APP_ID, appSecret: APP_SECRET, port });
    return { simulator, settings: { baseUrl: simulator.url, appId: APP_ID, appSecret: APP_SECRET } };
  },
};
