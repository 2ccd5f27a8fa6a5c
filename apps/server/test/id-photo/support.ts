import { portraitJpeg, portraitSvg } from '../../src/sandbox/demo/demo-images.js';
import { makeIdNumber } from '@banshi/vendor-clients';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import sharp from 'sharp';
import { StorageService } from '../../src/common/storage/storage.service.js';
import { StoredFile } from '../../src/common/storage/stored-file.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { DatabaseKind } from '../support/databases.js';

export const ID_NUMBER = makeIdNumber('440305', '19900307', 421);
export const PHONE = '13912345678';
export const NAME = '王小明';

/** A params set for the 身份证 spec (item 21): name, ID number, phone, city. */
export const ID_CARD_PARAM = { text_name: NAME, text_idcard: ID_NUMBER, text_mobile: PHONE, text_city: '深圳' };
export const ADDRESS = {
  name: '李四',
  phone: '13700001111',
  province: '广东',
  city: '深圳',
  district: '南山区',
  address: '科技园科苑路15号',
};

/** A portrait: light backdrop, a face with hair and eyes, dark shoulders. */

/**
 * The portrait as a phone writes it: stored sideways with EXIF orientation 6, camera make and a
 * GPS position in its EXIF.
 */
export function portraitWithExifAndGps(): Promise<Buffer> {
  return sharp(portraitSvg(600, 800))
    .rotate(-90)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'BanshiPhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 32/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '113/1 56/1 0/1',
      },
    })
    .toBuffer();
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

export interface PhotoSession {
  id: number;
  itemId: number;
  previews: { color: string; url: string }[];
  expired: boolean;
}

export async function uploadPhoto(t: TestApp, token: string, itemId = 21, image?: Buffer): Promise<PhotoSession> {
  const response = await t.http
    .post('/api/id-photo/photos')
    .set(...bearer(token))
    .field('itemId', String(itemId))
    .attach('file', image ?? (await portraitJpeg()), { filename: 'me.jpg', contentType: 'image/jpeg' });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as PhotoSession;
}

export async function orderDetail(t: TestApp, token: string, orderId: number) {
  const response = await t.http
    .get(`/api/id-photo/orders/${orderId}`)
    .set(...bearer(token))
    .expect(200);
  return response.body;
}

/** Polls the order page until it shows `status` (callbacks arrive over HTTP from the simulator). */
export async function waitForOrder(t: TestApp, token: string, orderId: number, status: string, timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const detail = await orderDetail(t, token, orderId);
    if (detail.order.status === status) return detail;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`order ${orderId} is ${detail.order.status}, not ${status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function zjz(t: TestApp): ZjzSimulator {
  return t.sandbox.get<ZjzSimulator>('zjz');
}

/** Quick steps for tests; each test that needs another pace sets its own. */
export function fastVendor(t: TestApp): ZjzSimulator {
  const sim = zjz(t);
  sim.scenario.reviewDelayMs = 80;
  sim.scenario.completeDelayMs = 80;
  sim.scenario.shipDelayMs = 80;
  return sim;
}

export async function storedFileBytes(t: TestApp, id: string): Promise<Buffer> {
  const storage = t.app.get(StorageService);
  const file = await t.dataSource.getRepository(StoredFile).findOneByOrFail({ id });
  return storage.read(file);
}

/** Fetches a signed URL from the API server, without any token. */
export async function fetchSigned(t: TestApp, url: string): Promise<{ status: number; body: Buffer; type: string }> {
  const response = await fetch(`${t.baseUrl}${url}`);
  return {
    status: response.status,
    body: Buffer.from(await response.arrayBuffer()),
    type: response.headers.get('content-type') ?? '',
  };
}

export async function placeOrder(
  t: TestApp,
  token: string,
  body: Record<string, unknown> = {},
  itemId = 21,
): Promise<{ orderId: number; vendorRef: string; photoId: number }> {
  const photo = await uploadPhoto(t, token, itemId);
  const created = await t.http
    .post('/api/id-photo/orders')
    .set(...bearer(token))
    .send({ photoId: photo.id, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true, ...body });
  if (created.status !== 201) throw new Error(`order answered ${created.status}: ${JSON.stringify(created.body)}`);
  const orderId = created.body.order.id as number;
  const [row] = await t.dataSource.query(`SELECT vendor_ref FROM orders WHERE id = ${Number(orderId)}`);
  return { orderId, vendorRef: String((row as { vendor_ref: string }).vendor_ref), photoId: photo.id };
}

export { portraitJpeg, portraitSvg };

/** The app, a zjz simulator answering fast and a signed-in user: what every zjz order suite starts from. */
export async function startZjzApp(kind: DatabaseKind): Promise<{ t: TestApp; sim: ZjzSimulator; token: string }> {
  const t = await startTestApp(kind);
  const sim = fastVendor(t);
  return { t, sim, token: await t.loginUser() };
}
