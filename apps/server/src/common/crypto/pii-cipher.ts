import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

/**
 * Personal data at rest: AES-256-GCM with a fresh IV per value, and an HMAC "blind index" for the
 * few lookups that need equality on an encrypted value (an ID number, a plate). Both keys are
 * derived from one master key, so rotating means re-encrypting with a new master.
 */
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKeyBase64: string) {
    const master = Buffer.from(masterKeyBase64, 'base64');
    if (master.length !== 32) throw new Error('PII master key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'banshi/pii/encryption', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'banshi/pii/blind-index', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
      '.',
    );
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not an encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for equality lookups; callers normalise the value first. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value, 'utf8').digest('hex');
  }
}

let current: PiiCipher | undefined;

/** Installed once at start-up, before the data source opens (entity transformers are static). */
export function installPiiCipher(cipher: PiiCipher): void {
  current = cipher;
}

export function piiCipher(): PiiCipher {
  if (!current) throw new Error('PII cipher used before start-up installed it');
  return current;
}

/** Column transformer: the entity holds plain text, the row holds ciphertext. */
export const encrypted: ValueTransformer = {
  to: (value: string | null | undefined) =>
    value === null || value === undefined ? value : piiCipher().encrypt(value),
  from: (value: string | null | undefined) =>
    value === null || value === undefined ? value : piiCipher().decrypt(value),
};

/** Same, for JSON documents holding personal data. */
export const encryptedJson: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? value : piiCipher().encrypt(JSON.stringify(value))),
  from: (value: string | null | undefined) =>
    value === null || value === undefined ? value : (JSON.parse(piiCipher().decrypt(value)) as unknown),
};
