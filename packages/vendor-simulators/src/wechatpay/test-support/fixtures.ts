// The keys are the protocol tests' own: one set for both packages' specs.
import {
  API_V3_KEY,
  APPID,
  MCHID,
  MERCHANT_SERIAL,
  merchantKeys,
  platformKeys,
  PUB_KEY_ID,
} from '../../../../vendor-clients/src/wechatpay/test-support/keys.js';
import type { Clock } from '@banshi/vendor-clients';
import { WechatPayClient, type WechatPayClientOptions } from '@banshi/vendor-clients/wechatpay';
import {
  startWechatPaySimulator,
  type WechatPaySimulator,
  type WechatPaySimulatorOptions,
} from '../wechatpay-simulator.js';

export { API_V3_KEY, APPID, MCHID, MERCHANT_SERIAL, merchantKeys, platformKeys, PUB_KEY_ID };

export async function startTestSimulator(extra: Partial<WechatPaySimulatorOptions> = {}): Promise<WechatPaySimulator> {
  return startWechatPaySimulator({
    port: 0,
    mchid: MCHID,
    appids: [APPID],
    merchantPublicKey: merchantKeys().publicKey,
    merchantSerialNo: MERCHANT_SERIAL,
    apiV3Key: API_V3_KEY,
    platformPrivateKey: platformKeys().privateKey,
    platformPublicKeyId: PUB_KEY_ID,
    refundDelayMs: 5,
    callbackRetryDelaysMs: [5, 10, 20],
    ...extra,
  });
}

export function clientFor(sim: { url: string }, extra: Partial<WechatPayClientOptions> = {}): WechatPayClient {
  return new WechatPayClient({
    baseUrl: sim.url,
    mchid: MCHID,
    appid: APPID,
    merchantPrivateKey: merchantKeys().privateKey,
    merchantSerialNo: MERCHANT_SERIAL,
    platformPublicKey: platformKeys().publicKey,
    platformPublicKeyId: PUB_KEY_ID,
    apiV3Key: API_V3_KEY,
    maxRetries: 0,
    timeoutMs: 10_000,
    ...extra,
  });
}

export const notificationKeys = (clock?: Clock) => ({
  platformPublicKey: platformKeys().publicKey,
  platformPublicKeyId: PUB_KEY_ID,
  apiV3Key: API_V3_KEY,
  mchid: MCHID,
  clock,
});

let counter = 0;
/** A fresh out_trade_no per test (the pattern is 6-32 of [0-9A-Za-z_-*]). */
export const outTradeNo = (prefix = 'BS') =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`.slice(0, 32);
