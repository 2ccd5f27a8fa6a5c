import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../errors/app-error.js';

export type ImageFormat = 'jpeg' | 'png';

/** A vendor's limits, as its document states them. */
export interface ImageLimits {
  /** Largest encoded size accepted. */
  maxBytes: number;
  /** Longest side allowed, in pixels (zjz: < 6000). */
  maxSide?: number;
  /** Output format; `auto` keeps PNG as PNG and turns everything else into JPEG. */
  format: ImageFormat | 'auto';
  /** DPI written into the JPEG's JFIF header (Yundou asks for 300). JPEG only. */
  density?: number;
  /** Shortest side below which a photo is too small to be usable. */
  minSide?: number;
}

export interface NormalisedImage {
  buffer: Buffer;
  format: ImageFormat;
  width: number;
  height: number;
  contentType: string;
}

const ACCEPTED_INPUT = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif']);
/** Refuse decompression bombs before decoding them: 120 megapixels is far above any phone camera. */
const MAX_INPUT_PIXELS = 120_000_000;
/** Uploads themselves are capped by the HTTP layer; this is the decoded-image safety net. */

/**
 * Makes an upload vendor-compliant: decodes it for real (a renamed PDF is refused), turns it
 * upright from its EXIF orientation, strips every metadata block (EXIF, GPS, maker notes), fits it
 * in the vendor's pixel limit, and re-encodes until it is under the vendor's byte limit — quality
 * first, then size, so a normal photo keeps its full resolution.
 */
export async function normaliseImage(input: Buffer, limits: ImageLimits): Promise<NormalisedImage> {
  const metadata = await readMetadata(input);
  const format: ImageFormat = limits.format === 'auto' ? (metadata.format === 'png' ? 'png' : 'jpeg') : limits.format;
  const upright = orientedSize(metadata);
  if (limits.minSide && Math.min(upright.width, upright.height) < limits.minSide) {
    throw AppError.unprocessable('IMAGE_TOO_SMALL', `照片太小（至少需要 ${limits.minSide} 像素），请使用更清晰的照片`);
  }

  const longest = Math.min(Math.max(upright.width, upright.height), limits.maxSide ? limits.maxSide - 1 : Infinity);
  let side = longest;
  let quality = format === 'jpeg' ? 88 : 9;
  // Most photos fit at the first try, straight from the upload. Decoding a phone photo costs as
  // much as encoding it, so when they do not, it is decoded once and the next tries start from
  // those upright pixels.
  let pixels: DecodedPixels | undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    const source = attempt === 0 ? uprightFrom(input, side, format) : fromPixels(pixels, side);
    const output = await encode(source, format, quality);
    const buffer = limits.density && format === 'jpeg' ? withJfifDensity(output.data, limits.density) : output.data;
    if (buffer.length <= limits.maxBytes) {
      return {
        buffer,
        format,
        width: output.info.width,
        height: output.info.height,
        contentType: format === 'png' ? 'image/png' : 'image/jpeg',
      };
    }
    // Close to the limit: a lower JPEG quality is enough and keeps every pixel. Far from it: scale
    // by the square root of the overshoot (bytes grow with area), with a margin.
    const ratio = limits.maxBytes / buffer.length;
    if (format === 'jpeg' && quality > 72 && ratio > 0.6) quality -= 8;
    else side = Math.floor(Math.max(output.info.width, output.info.height) * Math.sqrt(ratio) * 0.95);
    pixels ??= await decode(uprightFrom(input, longest, format));
  }
  throw AppError.unprocessable('IMAGE_TOO_COMPLEX', '照片无法压缩到要求的大小，请换一张照片');
}

async function readMetadata(input: Buffer): Promise<Metadata> {
  try {
    const metadata = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!metadata.format || !ACCEPTED_INPUT.has(metadata.format) || !metadata.width || !metadata.height) {
      throw new Error(`unsupported format ${metadata.format}`);
    }
    return metadata;
  } catch (error) {
    if ((error as Error).message?.includes('pixel limit')) {
      throw AppError.unprocessable('IMAGE_TOO_MANY_PIXELS', '照片像素过大，请压缩后重新上传');
    }
    throw AppError.unsupportedMedia('NOT_AN_IMAGE', '上传的文件不是可识别的图片，请选择 JPG 或 PNG 照片');
  }
}

/** EXIF orientations 5–8 swap width and height once applied. */
function orientedSize(metadata: Metadata): { width: number; height: number } {
  const swap = (metadata.orientation ?? 1) >= 5;
  return swap
    ? { width: metadata.height as number, height: metadata.width as number }
    : { width: metadata.width as number, height: metadata.height as number };
}

interface DecodedPixels {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/** Upright, fitted in `side`, on white for JPEG (which has no transparency), metadata gone. */
function uprightFrom(input: Buffer, side: number, format: ImageFormat): Sharp {
  const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
  return format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }) : pipeline;
}

function fromPixels(pixels: DecodedPixels | undefined, side: number): Sharp {
  if (!pixels) throw new Error('pixels are decoded after the first attempt');
  const pipeline = sharp(pixels.data, { raw: pixels.info });
  return side < Math.max(pixels.info.width, pixels.info.height)
    ? pipeline.resize({ width: side, height: side, fit: 'inside' })
    : pipeline;
}

async function decode(pipeline: Sharp): Promise<DecodedPixels> {
  const { data, info } = await damagedAsUserError(pipeline.raw().toBuffer({ resolveWithObject: true }));
  return { data, info: { width: info.width, height: info.height, channels: info.channels } };
}

function encode(pipeline: Sharp, format: ImageFormat, quality: number) {
  pipeline =
    format === 'png'
      ? pipeline.png({ compressionLevel: quality, adaptiveFiltering: true })
      : pipeline.jpeg({ quality, chromaSubsampling: '4:2:0' });
  return damagedAsUserError(pipeline.toBuffer({ resolveWithObject: true }));
}

/**
 * Writes the DPI the way a scanner does, in a JFIF APP0 segment right after the start of image.
 * sharp's `withDensity` writes it into EXIF and, to do so, keeps the upload's whole EXIF block
 * (camera, GPS): the one thing normalisation exists to remove.
 */
export function withJfifDensity(jpeg: Buffer, dpi: number): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const segment = Buffer.alloc(18);
  segment.writeUInt16BE(0xffe0, 0);
  segment.writeUInt16BE(16, 2); // length, itself included
  segment.write('JFIF\0', 4, 'latin1');
  segment.writeUInt16BE(0x0102, 9); // version 1.02
  segment.writeUInt8(1, 11); // units: dots per inch
  segment.writeUInt16BE(dpi, 12);
  segment.writeUInt16BE(dpi, 14);
  // 16, 17: no thumbnail
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** The metadata read passed, but the pixels do not decode: a truncated or corrupted file. */
async function damagedAsUserError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch {
    throw AppError.unsupportedMedia('IMAGE_DAMAGED', '图片已损坏或不完整，请重新拍摄或选择');
  }
}
