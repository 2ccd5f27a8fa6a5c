import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  certify,
  gatewayCalls,
  makeFacePhoto,
  NAME_MISMATCH_ID,
  QIAN_QI,
  rowCount,
  unlistedPerson,
  WANG_WU,
  ZHANG_SAN,
  zhima,
} from './support.js';

describe.each(testDatabases())('identity verification (%s)', (kind) => {
  let t: TestApp;
  let face: Buffer;
  beforeAll(async () => {
    t = await startTestApp(kind);
    face = await makeFacePhoto();
  });
  beforeEach(() => zhima(t).resetKnobs()); // also drops the sandbox's human-scale latency
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('a pass completes an identity order, and /api/me and the status say verified', async () => {
    const token = await t.loginUser('zhangsan');
    const before = await t.http.get('/api/me').set(auth(token)).expect(200);
    expect(before.body.verified).toBe(false);

    const response = await certify(t, token, ZHANG_SAN, face).expect(201);
    expect(response.body).toMatchObject({
      passed: true,
      name: '张*',
      idNumber: '110***********' + ZHANG_SAN.idNumber.slice(-4),
      failedReason: null,
      advice: null,
      attemptsLeftToday: 4,
    });
    // The vendor got the person and a photo it could decode, within its size limit.
    const seen = zhima(t).requests.at(-1)!;
    expect(seen.certify).toMatchObject({ certName: '张三', certNo: ZHANG_SAN.idNumber, bizCode: 'FACE_API' });
    expect(seen.certify.face).toMatchObject({ format: 'jpeg' });
    expect(seen.certify.face!.bytes).toBeLessThanOrEqual(140 * 1024);
    expect(Math.max(seen.certify.face!.width, seen.certify.face!.height)).toBeLessThan(1200);

    const order = await t.http.get(`/api/orders/${response.body.orderId}`).set(auth(token)).expect(200);
    expect(order.body).toMatchObject({ kind: 'identity', status: 'completed', title: '实名认证 张*', amountFen: 0 });
    expect(order.body.orderNo).toBe(response.body.orderNo);
    expect(order.body.events.map((e: { type: string }) => e.type)).toEqual(['created', 'vendor_result']);

    const me = await t.http.get('/api/me').set(auth(token)).expect(200);
    expect(me.body.verified).toBe(true);
    const status = await t.http.get('/api/identity/status').set(auth(token)).expect(200);
    expect(status.body).toMatchObject({ verified: true, name: '张*', dailyLimit: 5, attemptsToday: 1 });
    expect(Date.parse(status.body.verifiedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Verified once is enough: a second attempt is refused before the vendor, and costs nothing.
    const calls = gatewayCalls(t);
    const again = await certify(t, token, ZHANG_SAN, face).expect(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_VERIFIED' });
    expect(gatewayCalls(t)).toBe(calls);
  });

  it('a fail is a failed order with the reason on its timeline and plain advice; the user is not verified', async () => {
    const token = await t.loginUser('wangwu');
    const response = await certify(t, token, WANG_WU, face).expect(201);
    expect(response.body).toMatchObject({
      passed: false,
      name: '王*',
      failedReason: '人脸比对不通过',
      advice: {
        title: '照片与身份证照片不是同一人',
        detail: expect.stringContaining('请本人正对镜头、光线充足、摘下眼镜帽子后重新拍摄'),
        retakePhoto: true,
      },
    });
    const order = await t.http.get(`/api/orders/${response.body.orderId}`).set(auth(token)).expect(200);
    expect(order.body.status).toBe('failed');
    const result = order.body.events.find((e: { type: string }) => e.type === 'vendor_result');
    expect(result).toMatchObject({ actor: 'vendor', message: expect.stringContaining('人脸比对不通过') });
    expect((await t.http.get('/api/me').set(auth(token)).expect(200)).body.verified).toBe(false);

    const mismatch = await certify(t, token, { name: '孙八', idNumber: NAME_MISMATCH_ID }, face).expect(201);
    expect(mismatch.body.advice.detail).toContain('请核对姓名和身份证号是否与证件一致');
    const blurry = await certify(t, token, QIAN_QI, face).expect(201);
    expect(blurry.body).toMatchObject({ passed: false, advice: { title: '照片不够清晰' } });
  });

  it('an invalid ID number, name, missing consent or missing photo is refused before any vendor call', async () => {
    const token = await t.loginUser('typo');
    const calls = gatewayCalls(t);
    const good = ZHANG_SAN.idNumber;
    const wrongCheckDigit = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');

    const checksum = await certify(t, token, { name: '张三', idNumber: wrongCheckDigit }, face).expect(400);
    expect(checksum.body).toMatchObject({ code: 'VALIDATION', message: '身份证号校验位不正确，请检查是否输错' });
    expect(checksum.body.fields.idNumber).toBe('身份证号校验位不正确，请检查是否输错');
    const birth = await certify(t, token, { name: '张三', idNumber: '110101199002301234' }, face).expect(400);
    expect(birth.body.message).toContain('出生日期');
    const region = await certify(t, token, { name: '张三', idNumber: '990101199003071234' }, face).expect(400);
    expect(region.body.message).toContain('地区代码');
    const short = await certify(t, token, { name: '张三', idNumber: '11010119900307' }, face).expect(400);
    expect(short.body.message).toContain('18位');
    const name = await certify(t, token, { name: 'Zhang San', idNumber: good }, face).expect(400);
    expect(name.body.fields.name).toContain('只能包含汉字');
    const consent = await certify(t, token, { ...ZHANG_SAN, consent: 'false' }, face).expect(400);
    expect(consent.body.message).toContain('请先阅读并同意');
    const noConsent = await certify(t, token, { ...ZHANG_SAN, consent: null }, face).expect(400);
    expect(noConsent.body.message).toContain('请先阅读并同意');
    const noFace = await certify(t, token, ZHANG_SAN, null).expect(400);
    expect(noFace.body).toMatchObject({ code: 'FACE_REQUIRED' });
    const notAnImage = await certify(t, token, ZHANG_SAN, Buffer.from('%PDF-1.4 not a photo')).expect(415);
    expect(notAnImage.body.message).toContain('不是可识别的图片');
    const tiny = await certify(t, token, ZHANG_SAN, await makeFacePhoto(120, 160)).expect(422);
    expect(tiny.body).toMatchObject({ code: 'IMAGE_TOO_SMALL' });
    const huge = await certify(t, token, ZHANG_SAN, Buffer.alloc(16 * 1024 * 1024, 1)).expect(413);
    expect(huge.body.message).toContain('太大');
    const twoFiles = await certify(t, token, ZHANG_SAN, face).attach('other', face, 'other.jpg').expect(400);
    expect(twoFiles.body).toMatchObject({ code: 'UPLOAD_LIMIT_FILE_COUNT', message: '上传的文件有误，请重新选择' });

    expect(gatewayCalls(t)).toBe(calls);
    const userId = (await t.http.get('/api/me').set(auth(token))).body.id as number;
    expect(await rowCount(t.dataSource, 'orders', `user_id = ${userId}`)).toBe(0);
    // Refusals cost nothing, so the whole day's allowance is still there.
    const status = await t.http.get('/api/identity/status').set(auth(token)).expect(200);
    expect(status.body).toMatchObject({ verified: false, attemptsToday: 0, attemptsLeftToday: 5 });
  });

  it('history: mine, newest first, masked; another user sees none of it, and gets 404 on my attempt', async () => {
    const mine = await t.loginUser('history-owner');
    const other = await t.loginUser('history-other');
    const first = await certify(t, mine, WANG_WU, face).expect(201);
    const person = unlistedPerson('欧阳娜娜');
    const second = await certify(t, mine, person, face).expect(201);

    const list = await t.http.get('/api/identity/certifications').set(auth(mine)).expect(200);
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([second.body.id, first.body.id]);
    expect(list.body.items[0]).toMatchObject({
      passed: true,
      name: '欧**娜',
      idNumber: expect.stringMatching(/^320\*{11}\d{3}[\dX]$/),
    });
    expect(list.body.items[1]).toMatchObject({ passed: false, failedReason: '人脸比对不通过' });
    expect(JSON.stringify(list.body)).not.toContain(person.idNumber);
    expect(JSON.stringify(list.body)).not.toContain('欧阳娜娜');
    const one = await t.http.get(`/api/identity/certifications/${first.body.id}`).set(auth(mine)).expect(200);
    expect(one.body).toMatchObject({ id: first.body.id, passed: false, advice: { retakePhoto: true } });

    const theirs = await t.http.get('/api/identity/certifications').set(auth(other)).expect(200);
    expect(theirs.body).toEqual({ items: [], nextCursor: null });
    await t.http.get(`/api/identity/certifications/${first.body.id}`).set(auth(other)).expect(404);
    await t.http.get(`/api/orders/${first.body.orderId}`).set(auth(other)).expect(404);
    // 我的订单 opens an attempt by its order: mine only.
    const byOrder = await t.http.get(`/api/identity/orders/${first.body.orderId}`).set(auth(mine)).expect(200);
    expect(byOrder.body).toEqual(one.body);
    await t.http.get(`/api/identity/orders/${first.body.orderId}`).set(auth(other)).expect(404);
    await t.http.get('/api/identity/certifications/abc').set(auth(mine)).expect(404);
    expect((await t.http.get('/api/identity/status').set(auth(other)).expect(200)).body.verified).toBe(false);
    await t.http.get('/api/identity/certifications').expect(401);
  });

  it('an ID number verified on one account cannot be verified on another (blind index), before the vendor', async () => {
    const person = unlistedPerson('周九');
    await certify(t, await t.loginUser('first-account'), person, face).expect(201);
    const calls = gatewayCalls(t);
    const second = await certify(t, await t.loginUser('second-account'), person, face).expect(409);
    expect(second.body).toMatchObject({ code: 'IDENTITY_USED_BY_ANOTHER_ACCOUNT' });
    expect(gatewayCalls(t)).toBe(calls);
  });

  it('merchant list: identity orders appear with their masked timeline', async () => {
    const token = await t.loginUser('merchant-view');
    const person = unlistedPerson('吴十');
    const attempt = await certify(t, token, person, face).expect(201);
    const merchant = await t.loginMerchant('identity-boss');
    const list = await t.http.get('/api/merchant/orders').query({ kind: 'identity' }).set(auth(merchant)).expect(200);
    expect(list.body.items.map((o: { id: number }) => o.id)).toContain(attempt.body.orderId);
    const detail = await t.http.get(`/api/merchant/orders/${attempt.body.orderId}`).set(auth(merchant)).expect(200);
    expect(detail.body.order).toMatchObject({ kind: 'identity', status: 'completed', title: '实名认证 吴*' });
    expect(detail.body.events.map((e: { message: string }) => e.message).join('\n')).toContain('吴*');
    const text = JSON.stringify(detail.body);
    expect(text).not.toContain(person.idNumber);
    expect(text).not.toContain('吴十');
  });

  it('the OpenAPI document describes the routes the mini-program uses, the upload as multipart', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const post = doc.body.paths['/api/identity/certifications'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(post.responses['201']).toBeDefined();
    for (const path of ['/api/identity/certifications/{id}', '/api/identity/status']) {
      expect(doc.body.paths[path].get).toBeDefined();
    }
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining(['CertificationResultDto', 'CertificationPageDto', 'IdentityStatusDto']),
    );
  });
});
