import { DocloudSimulator, startDocloudSimulator } from '@banshi/vendor-simulators/docloud';
import type { SandboxSimulatorDefinition } from '../sandbox-simulator.js';

const APP_KEY = 'SANDBOXDOCLOUD01';
const APP_SECRET = 'sandbox-docloud-secret';

/**
 * One Docloud simulator serves both vehicles (violations, monitoring) and annual inspection. Its
 * callback URLs are set the way a merchant sets them in Docloud's console: once, when we know our
 * address. Orders and inspection steps move on by themselves at a pace a person can watch.
 */
export const docloudSandbox: SandboxSimulatorDefinition<'docloud'> = {
  vendor: 'docloud',
  standalonePort: 4105,
  async start({ port }) {
    const paymentMode = process.env.DOCLOUD_PAYMENT_MODE === 'online' ? 'online' : 'credit';
    const simulator = await startDocloudSimulator({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      port,
      paymentMode,
      orderProcessMs: Number(process.env.SANDBOX_DOCLOUD_ORDER_MS ?? 2000),
      inspectionStepMs: Number(process.env.SANDBOX_DOCLOUD_INSPECTION_STEP_MS ?? 3000),
    });
    return { simulator, settings: { baseUrl: simulator.url, appKey: APP_KEY, appSecret: APP_SECRET, paymentMode } };
  },
  onServerListening(simulator, base) {
    (simulator as DocloudSimulator).setCallbackUrls({
      order: `${base}/api/callbacks/docloud/order`,
      violation: `${base}/api/callbacks/docloud/violation`,
    });
  },
};
