import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { normaliseImage, type ImageLimits } from '../src/common/images/image-normaliser.js';
import { time, type Figure } from './support.js';

/** Each vendor's limits, as their documents state them. */
const VENDOR_LIMITS: Record<string, ImageLimits> = {
  'zjz portrait (≤5 MB, <6000 px)': { maxBytes: 5 * 1024 * 1024, maxSide: 6000, format: 'jpeg' },
  'yundou bill (≤2 MB, 300 dpi)': { maxBytes: 2 * 1024 * 1024 - 64 * 1024, format: 'jpeg', density: 300 },
  'zhima face (≤1 MB)': { maxBytes: 1024 * 1024, format: 'jpeg', maxSide: 2000 },
  'docloud licence (≤500 KB)': { maxBytes: 500 * 1024, format: 'jpeg', maxSide: 2000 },
};

/** A 4000×3000 phone photo: noise (hard to compress, like a real sensor) under shapes, with EXIF. */
async function phonePhoto(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const noise = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .blur(1.2)
    .png()
    .toBuffer();
  const shapes = Buffer.from(
    `<svg width="${width}" height="${height}"><rect x="400" y="300" width="3200" height="2400" fill="#f4efe6" opacity="0.85"/><circle cx="2000" cy="1400" r="700" fill="#c98"/></svg>`,
  );
  return sharp(noise)
    .composite([{ input: shapes }])
    .withExif({ IFD0: { Make: 'Phone', Model: 'Bench' } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export async function benchImages(): Promise<Figure[]> {
  const input = await phonePhoto();
  const figures: Figure[] = [
    { group: 'image normalisation', name: 'input 4000×3000 JPEG', value: input.length / 1024, unit: 'KB' },
  ];
  // The baseline a hand-written pipeline would run: one resize and one JPEG encode, no limit-fitting.
  const bare = await time(
    5,
    () => sharp(input).rotate().resize(2000, 2000, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer(),
    1,
  );
  figures.push({ group: 'image normalisation', name: 'bare sharp resize p50', value: bare.p50, unit: 'ms' });
  // Yundou keeps every pixel of a bill (its OCR needs them): against it, a bare full-size re-encode.
  const bareFullSize = await time(5, () => sharp(input).rotate().jpeg({ quality: 80 }).toBuffer(), 1);
  figures.push({
    group: 'image normalisation',
    name: 'bare sharp re-encode at full size p50',
    value: bareFullSize.p50,
    unit: 'ms',
  });
  for (const [name, limits] of Object.entries(VENDOR_LIMITS)) {
    let bytes = 0;
    const ours = await time(5, async () => (bytes = (await normaliseImage(input, limits)).buffer.length), 1);
    figures.push({
      group: 'image normalisation',
      name: `${name} p50`,
      value: ours.p50,
      unit: 'ms',
      ratio: limits.maxSide
        ? { label: 'ours / bare', value: ours.p50 / bare.p50 }
        : { label: 'ours / bare full size', value: ours.p50 / bareFullSize.p50 },
    });
    figures.push({ group: 'image normalisation', name: `${name} output`, value: bytes / 1024, unit: 'KB' });
  }
  return figures;
}
