import { DataSource } from 'typeorm';
import { STORAGE_DRIVER, type StorageDriver } from '../../src/common/storage/storage-driver.js';
import { StorageService } from '../../src/common/storage/storage.service.js';
import { StoredFile } from '../../src/common/storage/stored-file.entity.js';
import { bearer, portraitJpeg, uploadPhoto } from '../id-photo/support.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The storage driver's suite, run on each driver: the local folder (the embedded default) and an
 * S3 bucket on s3rver. What is stored reads back byte for byte, a signed URL serves it without a
 * header until it expires, retention deletes the bytes and the row, and bytes gone behind a row
 * answer 404, never 500.
 */
describe.each(['local', 's3'] as const)('file storage on the %s driver', (driver) => {
  let t: TestApp;
  let s3: TestS3Server | undefined;
  let storage: StorageService;
  let merchant: string;

  beforeAll(async () => {
    s3 = driver === 's3' ? await startS3Server() : undefined;
    t = await startTestApp('sqlite', s3?.env ?? {});
    storage = t.app.get(StorageService);
    merchant = await t.loginMerchant();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const save = (body: Buffer, deleteAfter: Date | null = null) =>
    storage.save({ body, contentType: 'image/jpeg', purpose: 'test', ownerUserId: null, deleteAfter });
  /** A signed URL as a client uses it: the local route's is relative to the API server. */
  const fetchUrl = (url: string) => fetch(url.startsWith('/') ? `${t.baseUrl}${url}` : url);
  const viaRoute = (id: string) => t.http.get(`/api/files/${id}`).set(...bearer(merchant));

  it('uses the configured driver', () => {
    expect(storage.driverKind).toBe(driver);
    expect(t.app.get<StorageDriver>(STORAGE_DRIVER).kind).toBe(driver);
  });

  it('reads back what it stored, byte for byte, through the service and the files route', async () => {
    const body = await portraitJpeg(120, 160);
    const file = await save(body);
    expect(Buffer.compare(await storage.read(file), body)).toBe(0);
    const served = await viaRoute(file.id).expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(served.body as Buffer, body)).toBe(0);
  });

  it('serves a signed URL without any header, as the driver signs it', async () => {
    const body = await portraitJpeg(100, 120);
    const file = await save(body);
    const url = await storage.signedUrl(file, 60);
    if (driver === 's3') {
      expect(url.startsWith(`${s3?.endpoint}/${s3?.bucket}/test/`)).toBe(true);
      expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('60');
    } else {
      expect(url).toMatch(/^\/api\/files\/[0-9a-f-]{36}\?exp=\d+&sig=/);
    }
    const response = await fetchUrl(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), body)).toBe(0);
  });

  it('refuses a signed URL once it has expired', async () => {
    const file = await save(Buffer.from('expires'));
    const url = await storage.signedUrl(file, 1);
    await new Promise((done) => setTimeout(done, 2100));
    const response = await fetchUrl(url);
    expect(response.status).toBe(driver === 's3' ? 403 : 404);
  });

  it('deletes the bytes and the row when retention ends, and answers 404 afterwards', async () => {
    const keep = await save(Buffer.from('keep'), new Date(Date.now() + 60_000));
    const gone = await save(Buffer.from('gone'), new Date(Date.now() - 1000));
    const url = await storage.signedUrl(gone, 60);
    await storage.deleteExpired();
    const rows = t.app.get(DataSource).getRepository(StoredFile);
    expect(await rows.existsBy({ id: gone.id })).toBe(false);
    expect(await storage.exists(gone)).toBe(false);
    expect(await storage.exists(keep)).toBe(true);
    await viaRoute(gone.id).expect(404);
    expect((await fetchUrl(url)).status).toBe(404);
  });

  it('answers 404, not 500, for a row whose bytes are gone', async () => {
    const file = await save(Buffer.from('lost'));
    await t.app.get<StorageDriver>(STORAGE_DRIVER).delete(file.path);
    const response = await viaRoute(file.id).expect(404);
    expect(response.body.message).toContain('文件不存在');
  });

  it('keeps an uploaded photo and its previews in the store, readable by the app', async () => {
    const token = await t.loginUser();
    const photo = await uploadPhoto(t, token);
    expect(photo.previews.length).toBeGreaterThan(0);
    for (const preview of photo.previews) {
      const response = await fetchUrl(preview.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\//);
    }
  });
});
