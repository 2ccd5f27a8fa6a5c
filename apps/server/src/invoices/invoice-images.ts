import sharp from 'sharp';
import { decodeQrFromImage } from '@banshi/vendor-clients/yundou';
import { AppError } from '../common/errors/app-error.js';
import { normaliseImage, type NormalisedImage } from '../common/images/image-normaliser.js';

/**
 * Yundou takes "(0,2)M" of 300 dpi JPEG. The margin keeps us clear of however the vendor counts a
 * megabyte (2 MiB of file bytes, read as in the client).
 */
export const YUNDOU_IMAGE_LIMITS = { maxBytes: 2 * 1024 * 1024 - 32 * 1024, format: 'jpeg', density: 300 } as const;

/** Phones take large photos; they are fitted to the vendor's limit in memory. */
export const INVOICE_UPLOAD_OPTIONS = { limits: { fileSize: 15 * 1024 * 1024, files: 1, fields: 10 } };

export function requireFile(file: Express.Multer.File | undefined, what: string): Buffer {
  if (!file || !file.buffer?.length) throw AppError.badRequest('MISSING_FILE', `请选择${what}后再上传`);
  return file.buffer;
}

/** Decodes for real (a renamed PDF is refused with a 415), turns upright, strips EXIF, fits the vendor. */
export function normaliseBillImage(buffer: Buffer): Promise<NormalisedImage> {
  return normaliseImage(buffer, { ...YUNDOU_IMAGE_LIMITS });
}

/** The side a QR photo is read at here: small enough to take a fraction of a second. */
const QUICK_DECODE_SIDE = 1200;

/**
 * A quick look for a QR code in a photo, so that a clear photo of an invoice QR is read at once,
 * without a paid call. Photos it cannot read (small or blurred codes) go to the vendor's recogniser.
 * The decoding runs jsQR in worker threads (the decoder of the vendor package), off the event loop.
 */
export async function quickDecodeQr(jpeg: Buffer): Promise<string | undefined> {
  const small = await sharp(jpeg)
    .resize({ width: QUICK_DECODE_SIDE, height: QUICK_DECODE_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 92 })
    .toBuffer();
  const text = await decodeQrFromImage(small);
  return text?.trim() || undefined;
}
