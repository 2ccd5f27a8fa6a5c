import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { DEFAULT_SANDBOX_PRODUCT_CODE, startZhimaSimulator } from '@banshi/vendor-simulators/zhima';
import type { SandboxSimulatorDefinition } from '../sandbox-simulator.js';

/** A 16-digit id, the shape of Alipay's application ids. */
const APP_ID = '2021000000000001';
/** A face comparison takes a moment at Alipay; the sandbox answers after about as long. */
const SANDBOX_LATENCY_MS = 1200;

/**
 * Alipay's OpenAPI gateway for Zhima certification. The app's RSA key pair is made at start (the
 * simulator learns the public half, the client signs with the private half); the simulator signs
 * its answers with a key pair of its own, whose public half the client verifies them with.
 */
export const zhimaSandbox: SandboxSimulatorDefinition<'zhima'> = {
  vendor: 'zhima',
  standalonePort: 4104,
  async start({ port }) {
    const keys = await promisify(generateKeyPair)('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const simulator = await startZhimaSimulator({
      appId: APP_ID,
      appPublicKey: keys.publicKey,
      port,
      productCode: DEFAULT_SANDBOX_PRODUCT_CODE,
    });
    simulator.faults.delayMs = SANDBOX_LATENCY_MS;
    return {
      simulator,
      settings: {
        gateway: simulator.gatewayUrl,
        appId: APP_ID,
        privateKey: keys.privateKey,
        alipayPublicKey: simulator.alipayPublicKey,
        productCode: DEFAULT_SANDBOX_PRODUCT_CODE,
      },
    };
  },
};
