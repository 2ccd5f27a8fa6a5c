import sharp from 'sharp';
import { DEFAULT_SANDBOX_IDENTITIES } from '../sandbox-identities.js';

// The app keys are the protocol tests' own: one helper for both packages' specs.
export { makeAppKeys, type AppKeys } from '../../../../vendor-clients/src/zhima/test-support/fixtures.js';

export const APP_ID = '2021000000000001';

/** A small synthetic "face": an oval on a plain background, encoded by sharp. */
export async function makeFace(format: 'jpeg' | 'png' = 'jpeg', size = 96): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
    `<rect width="100%" height="100%" fill="#dfe8f0"/>` +
    `<ellipse cx="${size / 2}" cy="${size / 2}" rx="${size / 3}" ry="${size / 2.4}" fill="#e8b897"/>` +
    `<circle cx="${size * 0.38}" cy="${size * 0.42}" r="${size / 24}" fill="#222"/>` +
    `<circle cx="${size * 0.62}" cy="${size * 0.42}" r="${size / 24}" fill="#222"/>` +
    `</svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'jpeg' ? image.jpeg({ quality: 80 }).toBuffer() : image.png().toBuffer();
}

const byNote = (passes: boolean, index = 0) => DEFAULT_SANDBOX_IDENTITIES.filter((i) => i.passes === passes)[index];

/** 张三: in the default table, passes. */
export const PASSING = byNote(true);
/** 王五: in the default table, fails with 人脸比对不通过. */
export const FAILING = byNote(false);
