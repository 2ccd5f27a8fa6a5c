import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Clock } from '../../core/index.js';
import { WechatPayClient } from '../client.js';
import {
  startWechatPaySimulator,
  type WechatPaySimulator,
  type WechatPaySimulatorOptions,
} from '../simulator/wechatpay-simulator.js';
import type { WechatPayClientOptions } from '../types.js';

export const MCHID = '1900000109';
export const APPID = 'wx8888888888888888';
export const MERCHANT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
export const API_V3_KEY = 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6';
export const PUB_KEY_ID = 'PUB_KEY_ID_0119000001092025010100000000000001';

let merchant: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
let platform: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

/** One merchant key pair and one platform key pair per test file: RSA generation is the slow part. */
export function merchantKeys() {
  merchant ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return merchant;
}

export function platformKeys() {
  platform ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return platform;
}

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
