import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** The sdk's names for the two private key encodings Alipay's key tool produces. */
export type AlipayPrivateKeyType = 'PKCS1' | 'PKCS8';

export interface PreparedPrivateKey {
  keyType: AlipayPrivateKeyType;
  /** Base64 of the DER, without PEM armour: the form alipay-sdk re-wraps itself. */
  body: string;
  keyObject: KeyObject;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/** A configuration mistake: the key cannot be used at all, so the client refuses to start. */
export class ZhimaKeyError extends Error {
  override name = 'ZhimaKeyError';
}

/**
 * Works out whether a private key is PKCS1 (`RSA PRIVATE KEY`) or PKCS8 (`PRIVATE KEY`), from its
 * PEM label or, for a bare base64 body, by parsing the DER both ways. alipay-sdk needs to be told:
 * it rebuilds the PEM armour from `keyType`, and a wrong guess gives a key OpenSSL cannot read.
 */
export function preparePrivateKey(input: string): PreparedPrivateKey {
  const pem = PEM_BLOCK.exec(input);
  if (pem) {
    const label = pem[1];
    const keyType = label === 'RSA PRIVATE KEY' ? 'PKCS1' : label === 'PRIVATE KEY' ? 'PKCS8' : undefined;
    if (!keyType) throw new ZhimaKeyError(`zhima: privateKey is a "${label}"; use an unencrypted RSA key`);
    const body = pem[2].replace(/\s+/g, '');
    return { keyType, body, keyObject: rsaPrivateKey(body, keyType) };
  }
  const body = input.replace(/\s+/g, '');
  if (!BASE64_BODY.test(body)) throw new ZhimaKeyError('zhima: privateKey is neither PEM nor base64');
  for (const keyType of ['PKCS8', 'PKCS1'] as const) {
    try {
      return { keyType, body, keyObject: rsaPrivateKey(body, keyType) };
    } catch {
      // Try the other encoding: a bare body carries no label.
    }
  }
  throw new ZhimaKeyError('zhima: privateKey is not an RSA private key in PKCS1 or PKCS8 form');
}

function rsaPrivateKey(body: string, keyType: AlipayPrivateKeyType): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({
      key: Buffer.from(body, 'base64'),
      format: 'der',
      type: keyType === 'PKCS1' ? 'pkcs1' : 'pkcs8',
    });
  } catch (error) {
    throw new ZhimaKeyError(`zhima: privateKey cannot be read as ${keyType}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'rsa') throw new ZhimaKeyError('zhima: privateKey is not an RSA key');
  return key;
}

/**
 * Reads an RSA public key given as SPKI PEM (`PUBLIC KEY`), PKCS1 PEM (`RSA PUBLIC KEY`), or the
 * bare base64 body Alipay's console shows.
 */
export function toRsaPublicKey(input: string): KeyObject {
  const pem = PEM_BLOCK.exec(input);
  const body = (pem ? pem[2] : input).replace(/\s+/g, '');
  if (pem && pem[1] !== 'PUBLIC KEY' && pem[1] !== 'RSA PUBLIC KEY') {
    throw new ZhimaKeyError(`zhima: expected a public key, got a "${pem[1]}"`);
  }
  if (!BASE64_BODY.test(body)) throw new ZhimaKeyError('zhima: public key is neither PEM nor base64');
  const der = Buffer.from(body, 'base64');
  const order = pem?.[1] === 'RSA PUBLIC KEY' ? (['pkcs1', 'spki'] as const) : (['spki', 'pkcs1'] as const);
  for (const type of order) {
    try {
      const key = createPublicKey({ key: der, format: 'der', type });
      if (key.asymmetricKeyType === 'rsa') return key;
    } catch {
      // Try the other encoding.
    }
  }
  throw new ZhimaKeyError('zhima: public key is not an RSA public key');
}

/** The public key as the bare base64 of its SPKI DER, the form alipay-sdk wraps as `PUBLIC KEY`. */
export function publicKeyBody(input: string): string {
  return toRsaPublicKey(input).export({ type: 'spki', format: 'der' }).toString('base64');
}
