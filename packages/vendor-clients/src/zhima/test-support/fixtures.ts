import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import sharp from 'sharp';
import { DEFAULT_SANDBOX_IDENTITIES } from '../simulator/sandbox-identities.js';

export const APP_ID = '2021000000000001';

/** One app key pair in every form Alipay's key tool and consoles hand out. */
export interface AppKeys {
  privateKey: KeyObject;
  pkcs1Pem: string;
  pkcs8Pem: string;
  pkcs1Body: string;
  pkcs8Body: string;
  publicPem: string;
  publicBody: string;
}

/** About 100 ms each: make them once per spec file. */
export function makeAppKeys(): AppKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = (type: 'pkcs1' | 'pkcs8') => privateKey.export({ type, format: 'der' }).toString('base64');
  return {
    privateKey,
    pkcs1Pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1Body: der('pkcs1'),
    pkcs8Body: der('pkcs8'),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicBody: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** A small synthetic "face": an oval on a plain background, encoded by sharp. */
export async function makeFace(format: 'jpeg' | 'png' = 'jpeg', size = 96): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
    `<rect width="100%" height="100%" fill="#dfe8f0"/>` +
    `<ellipse cx="${size / 2}" cy="${size / 2}" rx="${size / 3}" ry="${size / 2.4}" fill="#e8b897"/>` +
    `<circle cx="${size * 0.38}" cy="${size * 0.42}" r="${size / 24}" fill="#222"/>` +
    `<circle cx="${size * 0.62}" cy="${size * 0.42}" r="${size / 24}" fill="#222"/>` +
    `</svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'jpeg' ? image.jpeg({ quality: 80 }).toBuffer() : image.png().toBuffer();
}

const byNote = (passes: boolean, index = 0) => DEFAULT_SANDBOX_IDENTITIES.filter((i) => i.passes === passes)[index];

/** 张三: in the default table, passes. */
export const PASSING = byNote(true);
/** 王五: in the default table, fails with 人脸比对不通过. */
export const FAILING = byNote(false);
