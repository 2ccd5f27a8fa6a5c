import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { IdPhotoSession } from '../../src/id-photo/entities/photo-session.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, fastVendor, portraitWithExifAndGps, storedFileBytes, uploadPhoto } from './support.js';

/** A small PNG whose header declares `width`×`height`: what a decompression bomb looks like to a decoder. */
async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** The GPS IFD pointer (tag 0x8825) in little- or big-endian EXIF. */
function hasGpsPointer(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])));
}

describe.each(testDatabases())('id-photo uploads (%s)', (kind) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    fastVendor(t);
    token = await t.loginUser();
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, filename: string, contentType: string, itemId = '21') =>
    t.http
      .post('/api/id-photo/photos')
      .set(...bearer(token))
      .field('itemId', itemId)
      .attach('file', file, { filename, contentType });

  it('stores the photo upright and without EXIF or GPS', async () => {
    const original = await portraitWithExifAndGps();
    const before = await sharp(original).metadata();
    expect(before.orientation).toBe(6);
    expect(hasGpsPointer(before.exif)).toBe(true);

    const photo = await uploadPhoto(t, token, 21, original);
    const session = await t.dataSource.getRepository(IdPhotoSession).findOneByOrFail({ id: photo.id });
    const stored = await sharp(await storedFileBytes(t, session.uploadFileId)).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect({ width: stored.width, height: stored.height }).toEqual({ width: 600, height: 800 });
    for (const fileId of Object.values(session.previews)) {
      const preview = await sharp(await storedFileBytes(t, fileId)).metadata();
      expect(hasGpsPointer(preview.exif)).toBe(false);
      expect(preview.density).toBe(350);
    }
  });

  it('refuses a file that is not an image with 415', async () => {
    const response = await upload(Buffer.from('%PDF-1.4 not a photo at all'), 'me.jpg', 'image/jpeg').expect(415);
    expect(response.body).toMatchObject({ code: 'NOT_AN_IMAGE', message: expect.stringContaining('不是可识别的图片') });
  });

  it('refuses an upload over 15 MB with 413', async () => {
    const huge = Buffer.alloc(16 * 1024 * 1024, 7);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const response = await upload(huge, 'huge.jpg', 'image/jpeg').expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.message).toMatch(/太大/);
  });

  it('refuses an image with too many pixels with 422', async () => {
    const response = await upload(await pngDeclaring(20_000, 20_000), 'bomb.png', 'image/png').expect(422);
    expect(response.body).toMatchObject({
      code: 'IMAGE_TOO_MANY_PIXELS',
      message: expect.stringContaining('像素过大'),
    });
  });

  it('refuses a photo too small for the spec, and answers a missing file and an unknown spec', async () => {
    const tiny = await sharp({ create: { width: 200, height: 260, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    const small = await upload(tiny, 'tiny.jpg', 'image/jpeg').expect(422);
    expect(small.body.code).toBe('IMAGE_TOO_SMALL');
    const missing = await t.http
      .post('/api/id-photo/photos')
      .set(...bearer(token))
      .field('itemId', '21')
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'FILE_REQUIRED', message: '请选择要上传的人像照片' });
    const unknown = await upload(tiny, 'tiny.jpg', 'image/jpeg', '999').expect(404);
    expect(unknown.body.code).toBe('SPEC_NOT_FOUND');
    const noSpec = await upload(tiny, 'tiny.jpg', 'image/jpeg', 'abc').expect(400);
    expect(noSpec.body.message).toBe('请先选择证件规格');
  });

  it("shows the vendor's reason when it finds no portrait in the photo", async () => {
    const strip = await sharp({ create: { width: 2400, height: 600, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    const response = await upload(strip, 'strip.jpg', 'image/jpeg').expect(422);
    expect(response.body.message).toMatch(/未检测到完整人像/);
  });

  it('a photo is its owner’s only', async () => {
    const photo = await uploadPhoto(t, token, 1);
    const stranger = await t.loginUser();
    await t.http
      .get(`/api/id-photo/photos/${photo.id}`)
      .set(...bearer(stranger))
      .expect(404);
    await t.http
      .post(`/api/id-photo/photos/${photo.id}/remake`)
      .set(...bearer(stranger))
      .expect(404);
    const mine = await t.http
      .get(`/api/id-photo/photos/${photo.id}`)
      .set(...bearer(token))
      .expect(200);
    expect(mine.body).toMatchObject({ id: photo.id, itemId: 1, expired: false, orderId: null });
  });
});
