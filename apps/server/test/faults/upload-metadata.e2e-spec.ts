import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { renderVatQrImage, sampleBill, vatQrText, type GeneratedVat } from '@banshi/vendor-simulators/yundou';
import { StorageService } from '../../src/common/storage/storage.service.js';
import { StoredFile } from '../../src/common/storage/stored-file.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fastVendor, portraitJpeg } from '../id-photo/support.js';
import { certify, makeFacePhoto, unlistedPerson, ZHANG_SAN } from '../identity/support.js';
import { billImage, yundouOf } from '../invoices/support.js';
import { IDENTITY_PRICE, paidAttempt, sendFace } from '../payments/identity-support.js';
import { setPrice } from '../payments/support.js';
import { makeLicencePhoto } from '../vehicles/images.js';
import { addCar, newUser } from '../vehicles/support.js';

/**
 * Every route that takes a user's upload, of every service: whatever it stores keeps the photo's
 * pixels and orientation and none of its metadata (EXIF, GPS, camera make). The routes come from
 * the committed OpenAPI document, so a new upload route fails here until it is covered.
 */
const OPENAPI = resolve(dirname(fileURLToPath(import.meta.url)), '../../openapi.json');

function documentedUploadRoutes(): string[] {
  const document = JSON.parse(readFileSync(OPENAPI, 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.requestBody?.content['multipart/form-data'])
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

/** As a phone writes a photo: stored sideways with EXIF orientation 6, a camera make and a GPS position. */
async function asPhoneWritesIt(upright: Buffer): Promise<Buffer> {
  return sharp(upright)
    .rotate(-90)
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'BanshiPhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 15/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '120/1 9/1 0/1',
      },
    })
    .toBuffer();
}

interface Upload {
  /** Sends the photo; answers the status. */
  send(t: TestApp, photo: Buffer): Promise<number>;
  /** The upright picture the phone took. */
  picture(): Promise<Buffer>;
  /** Whether the route keeps a file (a face photo for identity is never stored). */
  stores: boolean;
}

/** Files the vendor made (copied as they are), as opposed to uploads we keep. */
const VENDOR_RESULTS = new Set(['id_photo_preview', 'id_photo_result', 'id_photo_receipt']);

/** The GPS IFD pointer (tag 0x8825) in little- or big-endian EXIF. */
function hasGpsPointer(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])));
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const VAT: GeneratedVat = { ...(sampleBill('vat_special') as GeneratedVat), invoiceCode: '4403231130' };

function uploads(tokens: () => { user: string }): Record<string, Upload> {
  const bill = () => billImage(sampleBill('taxi'));
  return {
    'POST /api/id-photo/photos': {
      stores: true,
      picture: () => portraitJpeg(600, 800),
      send: async (t, photo) =>
        (
          await t.http
            .post('/api/id-photo/photos')
            .set(bearer(tokens().user))
            .field('itemId', '21')
            .attach('file', photo, { filename: 'me.jpg', contentType: 'image/jpeg' })
        ).status,
    },
    'POST /api/invoices/photos': {
      stores: true,
      picture: bill,
      send: async (t, photo) =>
        (await t.http.post('/api/invoices/photos').set(bearer(tokens().user)).attach('file', photo, 'bill.jpg')).status,
    },
    'POST /api/invoices/qr-images': {
      stores: true,
      picture: () => renderVatQrImage(vatQrText({ ...VAT, invoiceNumber: '00000901' })),
      send: async (t, photo) =>
        (await t.http.post('/api/invoices/qr-images').set(bearer(tokens().user)).attach('file', photo, 'qr.jpg'))
          .status,
    },
    // Not in the document as multipart (its file is optional), but it stores a new photo all the same.
    'POST /api/invoices/{id}/retry': {
      stores: true,
      picture: bill,
      send: async (t, photo) => {
        const sim = yundouOf(t);
        sim.failNextRecognitions(1, '图片模糊，请对准票据重新拍摄');
        const first = await t.http
          .post('/api/invoices/photos')
          .set(bearer(tokens().user))
          .attach('file', await bill(), 'bill.jpg')
          .expect(201);
        await sim.idle();
        return (
          await t.http
            .post(`/api/invoices/${first.body.id}/retry`)
            .set(bearer(tokens().user))
            .attach('file', photo, 'bill.jpg')
        ).status;
      },
    },
    'POST /api/identity/certifications': {
      stores: false,
      picture: () => makeFacePhoto(600, 800),
      send: async (t, photo) => (await certify(t, tokens().user, ZHANG_SAN, photo)).status,
    },
    // A priced attempt's photo, once paid (the price goes back to 0 for the free route above).
    'POST /api/identity/attempts/{orderId}/face': {
      stores: false,
      picture: () => makeFacePhoto(600, 800),
      send: async (t, photo) => {
        await setPrice(t, 'identity', IDENTITY_PRICE);
        try {
          const { token, orderId } = await paidAttempt(t, 'upload-metadata-paid', unlistedPerson());
          return (await sendFace(t, token, orderId, photo)).status;
        } finally {
          await setPrice(t, 'identity', 0);
        }
      },
    },
    'POST /api/vehicles/cars/{id}/travel-license/{side}': {
      stores: true,
      picture: () => makeLicencePhoto(1600, 1100),
      send: async (t, photo) => {
        const user = await newUser(t);
        const car = await addCar(t, user, '浙A7E901');
        return (
          await t.http
            .post(`/api/vehicles/cars/${car.id}/travel-license/front`)
            .set(bearer(user.token))
            .attach('file', photo, 'front.jpg')
        ).status;
      },
    },
  };
}

describe.each(testDatabases())('stored uploads carry no metadata (%s)', (kind) => {
  let t: TestApp;
  let user: string;
  const routes = uploads(() => ({ user }));
  beforeAll(async () => {
    t = await startTestApp(kind);
    fastVendor(t);
    user = await t.loginUser('upload-metadata');
  });
  afterAll(() => t.close());

  it('every documented upload route is covered here', () => {
    expect(documentedUploadRoutes().filter((route) => !routes[route])).toEqual([]);
  });

  it.each(Object.keys(routes))('%s keeps pixels and orientation, and drops EXIF and GPS', async (route) => {
    const upload = routes[route] as Upload;
    const picture = await upload.picture();
    const taken = await sharp(picture).metadata();
    const photo = await asPhoneWritesIt(picture);
    const sent = await sharp(photo).metadata();
    expect(sent.exif?.includes(Buffer.from('BanshiPhone'))).toBe(true);

    const files = t.dataSource.getRepository(StoredFile);
    const before = new Set((await files.find({ select: { id: true } })).map((file) => file.id));
    const status = await upload.send(t, photo);
    expect(status).toBeLessThan(300);
    const stored = (await files.find()).filter((file) => !before.has(file.id));
    expect(stored.length > 0).toBe(upload.stores);

    for (const file of stored) {
      const bytes = await t.app.get(StorageService).read(file);
      const kept = await sharp(bytes).metadata();
      const where = `${route} → ${file.purpose}`;
      expect(bytes.includes(Buffer.from('BanshiPhone'))).toBe(false);
      // What the vendor made from the photo is kept byte for byte (portals check its DPI), so only
      // the upload's own metadata must be absent from it.
      if (VENDOR_RESULTS.has(file.purpose)) {
        expect({ where, gps: hasGpsPointer(kept.exif) }).toEqual({ where, gps: false });
        continue;
      }
      const size = (block: Buffer | undefined) => (block ? `${block.length} bytes` : undefined);
      const metadata = { exif: size(kept.exif), xmp: size(kept.xmp), iptc: size(kept.iptc), icc: size(kept.icc) };
      expect({ where, ...metadata, orientation: kept.orientation }).toEqual({
        where,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
        orientation: undefined,
      });
      // Upright as taken: the same shape (portrait stays portrait), not the sideways stored pixels.
      expect({ where, portrait: (kept.height as number) > (kept.width as number) }).toEqual({
        where,
        portrait: (taken.height as number) > (taken.width as number),
      });
    }
  });
});
