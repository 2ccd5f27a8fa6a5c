import sharp from 'sharp';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, fastVendor, fetchSigned, orderDetail, uploadPhoto, waitForOrder } from './support.js';

describe.each(testDatabases())('id-photo happy path (%s)', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
    fastVendor(t);
  });
  afterAll(() => t.close());

  it('serves the specs with sizes in mm and px, searchable and by category', async () => {
    const token = await t.loginUser();
    const all = await t.http
      .get('/api/id-photo/specs')
      .set(...bearer(token))
      .expect(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(10);
    const idCard = all.body.items.find((spec: { itemId: number }) => spec.itemId === 21);
    expect(idCard).toMatchObject({ name: '身份证', widthMm: 26, heightMm: 32, widthPx: 358, heightPx: 441, dpi: 350 });
    expect(idCard.params.map((p: { name: string }) => p.name)).toEqual([
      'text_name',
      'text_idcard',
      'text_mobile',
      'text_city',
    ]);
    expect(all.body.categories.map((c: { name: string }) => c.name)).toEqual([
      '常用尺寸',
      '证件照',
      '出入境',
      '考试报名',
    ]);

    const search = await t.http
      .get('/api/id-photo/specs')
      .query({ q: '通行证' })
      .set(...bearer(token))
      .expect(200);
    expect(search.body.items.map((spec: { name: string }) => spec.name)).toEqual(['港澳通行证', '台湾通行证']);
    const travel = await t.http
      .get('/api/id-photo/specs')
      .query({ categoryId: 3 })
      .set(...bearer(token))
      .expect(200);
    expect(travel.body.items.every((spec: { category: string }) => spec.category === '出入境')).toBe(true);
    expect(travel.body.categories).toHaveLength(4);
  });

  it('documents its routes in the OpenAPI document the mini-program types come from', async () => {
    const docs = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(docs.body.paths);
    for (const path of [
      '/api/id-photo/specs',
      '/api/id-photo/photos',
      '/api/id-photo/photos/{id}/remake',
      '/api/id-photo/orders',
      '/api/id-photo/orders/{id}',
      '/api/id-photo/orders/{id}/resubmit',
      '/api/id-photo/orders/{id}/cancel',
      '/api/merchant/id-photo/orders/{orderId}',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.some((path) => path.startsWith('/api/callbacks/zjz'))).toBe(false);
    expect(docs.body.components.schemas.IdPhotoDetailsDto.properties).toHaveProperty('rejectMsg');
  });

  it('uploads, previews per colour, orders, and ends with the receipt in our storage behind a signed URL', async () => {
    const token = await t.loginUser();
    const photo = await uploadPhoto(t, token, 1);
    expect(photo.previews.map((p) => p.color)).toEqual(['white', 'blue', 'red']);
    const preview = await fetchSigned(t, photo.previews[1].url);
    expect(preview.status).toBe(200);
    expect(await sharp(preview.body).metadata()).toMatchObject({ width: 295, height: 413, format: 'jpeg' });

    const created = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({
        photoId: photo.id,
        color: 'blue',
        param: { text_name: '王小明', text_mobile: '13912345678' },
        agreePrivacy: true,
      })
      .expect(201);
    expect(created.body.order).toMatchObject({ kind: 'id_photo', status: 'pending', amountFen: 700 });
    expect(created.body.details.params).toEqual([
      { name: 'text_name', label: '姓名', value: '王*明' },
      { name: 'text_mobile', label: '手机号', value: '139****5678' },
    ]);
    const orderId = created.body.order.id as number;

    const done = await waitForOrder(t, token, orderId, 'completed');
    expect(done.details.receiptUrl).toMatch(/^\/api\/files\/[0-9a-f-]{36}\?exp=\d+&sig=/);
    expect(done.details.photoUrl).toMatch(/^\/api\/files\//);
    const receipt = await fetchSigned(t, done.details.receiptUrl);
    expect(receipt.status).toBe(200);
    expect(receipt.type).toBe('image/jpeg');
    expect((await sharp(receipt.body).metadata()).format).toBe('jpeg');
    expect(done.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['pending', 'processing', 'completed']);

    // Another user does not see it, and an unsigned file URL is refused.
    const stranger = await t.loginUser();
    await t.http
      .get(`/api/id-photo/orders/${orderId}`)
      .set(...bearer(stranger))
      .expect(404);
    const unsigned = await fetch(`${t.baseUrl}${done.details.receiptUrl.split('?')[0]}`);
    expect(unsigned.status).toBe(404);
    expect((await orderDetail(t, token, orderId)).order.status).toBe('completed');
  });
});
