import sharp from 'sharp';
import { decodeQrBytes } from './qr-decoder.js';

/** Larger photos are scaled down before decoding: a bill's QR stays readable and decoding stays fast. */
const MAX_DECODE_SIDE = 2000;

/**
 * Finds and decodes the QR code in an image (any format sharp reads, EXIF orientation applied).
 * `undefined` when the bytes are not an image or hold no readable QR code.
 */
export async function decodeQrFromImage(image: Buffer): Promise<string | undefined> {
  let pixels: Awaited<ReturnType<typeof rgba>>;
  try {
    pixels = await rgba(image);
  } catch {
    return undefined;
  }
  const bytes = await decodeQrBytes({ data: pixels.data, width: pixels.info.width, height: pixels.info.height });
  // QR byte mode from our generator and from invoices is UTF-8; jsQR's own `data` guesses otherwise.
  return bytes && new TextDecoder('utf-8').decode(bytes);
}

function rgba(image: Buffer) {
  return sharp(image)
    .rotate()
    .resize({ width: MAX_DECODE_SIDE, height: MAX_DECODE_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
}
