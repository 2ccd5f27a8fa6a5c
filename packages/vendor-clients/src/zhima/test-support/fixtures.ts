import { generateKeyPairSync, type KeyObject } from 'node:crypto';

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
