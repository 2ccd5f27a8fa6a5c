import jsQRModule from 'jsqr';
import sharp, { type Region } from 'sharp';

/** Reads the QR code printed on an image (or on the given region of it), or undefined when there is none. */
export async function readQrCode(image: Buffer, region?: Region): Promise<string | undefined> {
  const pipeline = region ? sharp(image).extract(region) : sharp(image);
  const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  // jsqr is CommonJS with its function on `default` (and as the module itself).
  return jsQRModule.default(pixels, info.width, info.height)?.data;
}
