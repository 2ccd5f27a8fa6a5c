import { BillImageInvalidError, BillImageTooLargeError } from './errors.js';

/** What a caller may upload: the file's bytes, or its base64 text (a `data:` URL prefix is tolerated). */
export type YundouImageInput = Uint8Array | string;

export interface PreparedImage {
  base64: string;
  sizeBytes: number;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 as the vendor receives it: the standard alphabet, padded to a multiple of 4. */
export function isStrictBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}

/** Bytes the base64 text decodes to, without decoding it. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/**
 * Turns the caller's image into the base64 the vendor wants, refusing what the vendor would refuse
 * (empty, over the limit, not base64) before a request is made: a refused upload costs nothing and
 * leaves the oid unused.
 */
export function prepareImage(image: YundouImageInput, maxBytes: number): PreparedImage {
  let base64: string;
  if (typeof image === 'string') {
    base64 = image.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
    if (!isStrictBase64(base64)) throw new BillImageInvalidError('图片数据不是有效的 Base64 编码');
  } else {
    base64 = Buffer.from(image.buffer, image.byteOffset, image.byteLength).toString('base64');
  }
  const sizeBytes = base64DecodedLength(base64);
  if (sizeBytes === 0) throw new BillImageInvalidError('图片为空，请重新选择');
  if (sizeBytes > maxBytes) throw new BillImageTooLargeError(sizeBytes, maxBytes);
  return { base64, sizeBytes };
}
