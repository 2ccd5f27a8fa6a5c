import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * 《消息推送》 signing and 《消息加解密》 (safe mode), shared by the verifier and the simulator so the
 * two cannot drift.
 *
 * Plain mode: `signature = sha1(sort([token, timestamp, nonce]).join(''))` in the query.
 * Safe mode: the query adds `encrypt_type=aes` and `msg_signature = sha1(sort([token, timestamp,
 * nonce, Encrypt]).join(''))`; the JSON body is `{ ToUserName, Encrypt }`, where Encrypt is
 * base64(AES-256-CBC(random(16) ‖ msgLen(4, big-endian) ‖ msg ‖ appid)), PKCS#7-padded to 32 bytes,
 * key = base64(EncodingAESKey + '='), IV = the key's first 16 bytes.
 */
export function pushSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

function aesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 characters');
  return key;
}

const BLOCK = 32;

export function encryptPushMessage(message: string, encodingAesKey: string, appId: string): string {
  const key = aesKey(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(appId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/** Decrypts a safe-mode `Encrypt`; throws when it is malformed or was sealed for another appid. */
export function decryptPushMessage(encrypted: string, encodingAesKey: string, appId: string): string {
  const key = aesKey(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const pad = padded[padded.length - 1];
  if (pad < 1 || pad > BLOCK) throw new Error('bad padding');
  const plain = padded.subarray(0, padded.length - pad);
  if (plain.length < 20) throw new Error('message too short');
  const length = plain.readUInt32BE(16);
  const message = plain.subarray(20, 20 + length);
  const sealedFor = plain.subarray(20 + length).toString('utf8');
  if (message.length !== length || sealedFor !== appId) throw new Error('message sealed for another appid');
  return message.toString('utf8');
}
