import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { normaliseImage } from './image-normaliser.js';

async function photoWithExif(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#fc9"/></svg>`,
        ),
      },
    ])
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 95 })
    .toBuffer();
}

describe('normaliseImage', () => {
  it('strips EXIF and GPS, and turns the photo upright', async () => {
    const input = await photoWithExif(400, 300);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const output = await normaliseImage(input, { maxBytes: 5 * 1024 * 1024, format: 'jpeg' });
    const meta = await sharp(output.buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Orientation 6 is a 90° rotation: 400×300 stored becomes 300×400 upright.
    expect([output.width, output.height]).toEqual([300, 400]);
  });

  it('fits the byte limit and writes the requested density', async () => {
    const noisy = await sharp(randomBytes(1200 * 900 * 3), {
      raw: { width: 1200, height: 900, channels: 3 },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    const output = await normaliseImage(noisy, { maxBytes: 200 * 1024, format: 'jpeg', density: 300 });
    expect(output.buffer.length).toBeLessThanOrEqual(200 * 1024);
    expect((await sharp(output.buffer).metadata()).density).toBe(300);
  });

  it('writes the density in a JFIF header, without keeping the EXIF block', async () => {
    const output = await normaliseImage(await photoWithExif(400, 300), {
      maxBytes: 1024 * 1024,
      format: 'jpeg',
      density: 300,
    });
    const meta = await sharp(output.buffer).metadata();
    expect(meta).toMatchObject({ density: 300, width: 300, height: 400 });
    expect(meta.exif).toBeUndefined();
    expect(output.buffer.includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('keeps under the vendor pixel limit', async () => {
    const big = await sharp({ create: { width: 6500, height: 100, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const output = await normaliseImage(big, { maxBytes: 5 * 1024 * 1024, maxSide: 6000, format: 'auto' });
    expect(output.format).toBe('png');
    expect(output.width).toBeLessThan(6000);
  });

  it('refuses a file that is not an image with a 415 a person can act on', async () => {
    await expect(
      normaliseImage(Buffer.from('%PDF-1.4 not an image'), { maxBytes: 1024, format: 'jpeg' }),
    ).rejects.toMatchObject({
      status: 415,
      response: { code: 'NOT_AN_IMAGE' },
    });
  });
});
