import { startYundouSimulator } from '@banshi/vendor-simulators/yundou';
import type { SandboxSimulatorDefinition } from '../sandbox-simulator.js';

const COMPANY_ID = '20931';
const API_KEY = 'sandbox-yundou-private-key';
/**
 * Recognition at the vendor takes a moment; in the sandbox the result arrives after about as long, so
 * the app shows its "识别中" state the way it will in production.
 */
const SANDBOX_RECOGNITION_MS = 1500;

/**
 * 芸豆票据: recognises the bill photos the app uploads (for real: it decodes the QR code that the bill
 * generator prints on every test bill) and posts the result to the `c-url` of each upload, which
 * carries the upload's token: nothing needs to be configured once the server listens.
 */
export const yundouSandbox: SandboxSimulatorDefinition<'yundou'> = {
  vendor: 'yundou',
  standalonePort: 4103,
  async start({ port }) {
    const simulator = await startYundouSimulator({
      companyId: COMPANY_ID,
      apiKey: API_KEY,
      port,
      recognitionDelayMs: SANDBOX_RECOGNITION_MS,
    });
    return { simulator, settings: { baseUrl: simulator.url, companyId: COMPANY_ID, apiKey: API_KEY } };
  },
};
