import { startZjzSimulator } from '@banshi/vendor-simulators/zjz';
import type { SandboxSimulatorDefinition } from '../sandbox-simulator.js';

const API_KEY = 'sandbox-zjz-api-key-0000000000000001';

/**
 * The vendor takes about 15 minutes to review an order; in the sandbox each step takes a second or
 * two, so that the H5 app visibly shows 审核中 before 办理完成 without anyone waiting.
 */
const REVIEW_DELAY_MS = 1200;
const COMPLETE_DELAY_MS = 1800;
const SHIP_DELAY_MS = 2000;

/**
 * Sandbox-only override of the pic_id lifetime (the vendor's is 50 minutes), so that the
 * "照片已过期，请重新生成" path can be tried by hand or in a test without waiting:
 * `SANDBOX_ZJZ_PIC_TTL_MS=60000 pnpm start`. Read only here; live mode never sees it.
 */
function picTtlFromEnv(): number | undefined {
  const raw = process.env.SANDBOX_ZJZ_PIC_TTL_MS;
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`SANDBOX_ZJZ_PIC_TTL_MS must be a positive whole number of milliseconds, not "${raw}"`);
  }
  return value;
}

/** zjzapi (证件照回执): photo making, receipt orders and their status callbacks to each order's notice_url. */
export const zjzSandbox: SandboxSimulatorDefinition<'zjz'> = {
  vendor: 'zjz',
  standalonePort: 4102,
  async start({ port }) {
    const simulator = await startZjzSimulator({
      apiKey: API_KEY,
      port,
      reviewDelayMs: REVIEW_DELAY_MS,
      completeDelayMs: COMPLETE_DELAY_MS,
      shipDelayMs: SHIP_DELAY_MS,
      picTtlMs: picTtlFromEnv(),
    });
    return { simulator, settings: { baseUrl: simulator.url, apiKey: API_KEY } };
  },
};
