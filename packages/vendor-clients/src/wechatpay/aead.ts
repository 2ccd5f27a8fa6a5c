import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SignatureVerificationError } from '../core/index.js';
import { WECHATPAY_VENDOR } from './types.js';

/** An encrypted `resource` of a notification (回调报文解密). */
export interface EncryptedResource {
  original_type: string;
  algorithm: string;
  ciphertext: string;
  /** 12 characters, used as the GCM IV as they are (text, not base64). */
  nonce: string;
  associated_data?: string;
}

const TAG_BYTES = 16;
export const WECHATPAY_AEAD_ALGORITHM = 'AEAD_AES_256_GCM';

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('wechatpay: the APIv3 key must be 32 bytes');
  return key;
}

/**
 * Decrypts a resource with the APIv3 key: base64 ciphertext whose last 16 bytes are the GCM tag,
 * `nonce` and `associated_data` as UTF-8 text. A failed tag means the body was not made with our
 * key: a `SignatureVerificationError`, like a bad signature.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== WECHATPAY_AEAD_ALGORITHM) {
    throw new SignatureVerificationError(
      WECHATPAY_VENDOR,
      `wechatpay: unknown resource algorithm ${resource.algorithm}`,
    );
  }
  const data = Buffer.from(resource.ciphertext ?? '', 'base64');
  if (data.length <= TAG_BYTES) {
    throw new SignatureVerificationError(WECHATPAY_VENDOR, 'wechatpay: resource ciphertext is too short');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(resource.nonce ?? '', 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    throw new SignatureVerificationError(WECHATPAY_VENDOR, 'wechatpay: resource does not decrypt with the APIv3 key', {
      cause: error,
    });
  }
}

/** The other direction, as WeChat Pay (the simulator) encrypts a resource. */
export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  originalType: string,
  associatedData = originalType,
  nonce = randomBytes(9).toString('base64url').slice(0, 12),
): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: originalType,
    algorithm: WECHATPAY_AEAD_ALGORITHM,
    ciphertext: encrypted.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}
