import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** Backdrop and face colours of the generated portrait, for pixel assertions. */
export const PORTRAIT_BACKDROP = '#DCDCDC';
export const PORTRAIT_FACE = { r: 200, g: 120, b: 90 };

function portraitSvg(width: number, height: number, backdrop: string | null): Buffer {
  const rect = backdrop ? `<rect width="100%" height="100%" fill="${backdrop}"/>` : '';
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${rect}` +
      `<ellipse cx="${width / 2}" cy="${height * 0.42}" rx="${width * 0.2}" ry="${height * 0.22}" fill="rgb(200,120,90)"/>` +
      `<rect x="${width * 0.18}" y="${height * 0.7}" width="${width * 0.64}" height="${height * 0.3}" rx="40" fill="#203040"/>` +
      `</svg>`,
  );
}

/** An 800×1000 portrait-ish JPEG: grey backdrop, a skin-coloured ellipse for a face, dark shoulders. */
export async function portraitJpeg(width = 800, height = 1000): Promise<Buffer> {
  return sharp(portraitSvg(width, height, PORTRAIT_BACKDROP))
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** The same portrait as a PNG cut-out: transparent backdrop, as from a background remover. */
export async function portraitCutoutPng(width = 600, height = 750): Promise<Buffer> {
  return sharp(portraitSvg(width, height, null))
    .png()
    .toBuffer();
}

export async function gifImage(): Promise<Buffer> {
  return sharp(portraitSvg(200, 250, PORTRAIT_BACKDROP))
    .gif()
    .toBuffer();
}

/** A valid PNG of noise whose file is just over 5 MB (noise does not compress). */
export async function oversizedPng(): Promise<Buffer> {
  const width = 1400;
  const height = 1300;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

export async function wideSolidPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
}

/** Pixel colour at (x, y) of an encoded image. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return { r: data[i], g: data[i + 1], b: data[i + 2] };
}

export function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

/** Largest per-channel difference between two colours. */
export function colourDistance(a: { r: number; g: number; b: number }, b: { r: number; g: number; b: number }): number {
  return Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b));
}
