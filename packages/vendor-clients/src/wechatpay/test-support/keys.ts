import { generateKeyPairSync, type KeyObject } from 'node:crypto';

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
