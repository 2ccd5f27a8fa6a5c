import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock, SignatureVerificationError } from '@banshi/vendor-clients';
import {
  WechatClient,
  verifyWechatPush,
  verifyWechatPushEcho,
  type WechatPushEvent,
  encryptPushMessage,
  pushSignature,
  fitSubscribeValue,
  subscribeValueProblem,
} from '@banshi/vendor-clients/wechat';
import { WechatSimulator } from './wechat-simulator.js';

const APP = { appId: 'wx-platform', appSecret: 'secret' };
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** A stand-in for our server: serves one image and collects the pushes, answering `success`. */
async function startReceiver() {
  const pushes: { query: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const [path, query = ''] = (req.url ?? '').split('?');
    if (req.method === 'GET' && path === '/image.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
      return;
    }
    if (req.method === 'GET') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      pushes.push({ query, body });
      res.writeHead(200).end('success');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, pushes, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('WeChat platform APIs: client against simulator', () => {
  const clock = new ManualClock(Date.UTC(2026, 11, 4));
  let sim: WechatSimulator;
  let client: WechatClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    sim = await WechatSimulator.start({ ...APP, clock, push: { token: 'push-token', encodingAesKey: AES_KEY } });
    client = new WechatClient({ baseUrl: sim.url, ...APP, now: () => clock.now() });
    receiver = await startReceiver();
    sim.setPushUrl(`${receiver.url}/push`);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it('access token: fetched once (stable token) and reused while valid', async () => {
    const before = sim.tokens.issued;
    const first = await client.accessToken();
    const second = await client.accessToken();
    expect(second).toBe(first);
    expect(sim.tokens.issued - before).toBeLessThanOrEqual(1);
  });

  it('access token: an expired one (42001) is refreshed and the call repeated once', async () => {
    sim.subscriptions.accept('o-user-1', 'T1');
    await client.accessToken();
    sim.tokens.expireNow();
    await client.sendSubscribeMessage({ touser: 'o-user-1', templateId: 'T1', data: { thing1: '证件照回执已完成' } });
    expect(sim.subscriptions.sentTo('o-user-1')).toHaveLength(1);
  });

  it('access token: a revoked one (40001) is refreshed too', async () => {
    sim.subscriptions.accept('o-user-2', 'T1');
    sim.tokens.revokeAll();
    await client.sendSubscribeMessage({ touser: 'o-user-2', templateId: 'T1', data: { thing1: '已完成' } });
    expect(sim.subscriptions.sentTo('o-user-2')).toHaveLength(1);
  });

  it('subscribe: one acceptance allows one message; the next is refused with 43101', async () => {
    sim.subscriptions.accept('o-user-3', 'T2');
    const message = { touser: 'o-user-3', templateId: 'T2', page: 'pages/index/index', data: { phrase1: '已完成' } };
    await client.sendSubscribeMessage(message);
    await expect(client.sendSubscribeMessage(message)).rejects.toMatchObject({ code: '43101' });
    expect(sim.subscriptions.sentTo('o-user-3')).toEqual([
      expect.objectContaining({ templateId: 'T2', page: 'pages/index/index', data: { phrase1: '已完成' } }),
    ]);
  });

  it('subscribe: a value outside its rule is refused with 47003 and spends nothing', async () => {
    sim.subscriptions.accept('o-user-4', 'T3');
    const long = '这是一段超过二十个字符的事物描述文字一二三四五';
    await expect(
      client.sendSubscribeMessage({ touser: 'o-user-4', templateId: 'T3', data: { thing1: long } }),
    ).rejects.toMatchObject({ code: '47003' });
    expect(sim.subscriptions.remaining('o-user-4', 'T3')).toBe(1);
    await client.sendSubscribeMessage({
      touser: 'o-user-4',
      templateId: 'T3',
      data: { thing1: fitSubscribeValue('thing1', long) },
    });
    expect(sim.subscriptions.sentTo('o-user-4')).toHaveLength(1);
  });

  it('subscribe: the quota knob answers 45009', async () => {
    sim.subscriptions.accept('o-user-5', 'T1');
    sim.subscriptions.nextErrors.push(45009);
    await expect(
      client.sendSubscribeMessage({ touser: 'o-user-5', templateId: 'T1', data: { thing1: '已完成' } }),
    ).rejects.toMatchObject({ code: '45009' });
  });

  it('phone number: a code gives the phone once; a reused code is refused with 40029', async () => {
    const code = sim.mintPhoneCode('13912345678');
    await expect(client.getPhoneNumber(code)).resolves.toMatchObject({
      purePhoneNumber: '13912345678',
      countryCode: '86',
      watermark: { appid: APP.appId },
    });
    await expect(client.getPhoneNumber(code)).rejects.toMatchObject({ code: '40029' });
  });

  it('media check: answers a trace_id, fetches the image and pushes a safe-mode signed verdict', async () => {
    sim.mediaChecks.flagNext = 1;
    const { traceId } = await client.mediaCheckAsync({
      mediaUrl: `${receiver.url}/image.jpg`,
      mediaType: 2,
      openid: 'o-user-6',
      scene: 1,
    });
    await sim.mediaChecks.idle();
    const push = receiver.pushes.at(-1)!;
    expect(new URLSearchParams(push.query).get('encrypt_type')).toBe('aes');
    const verified = verifyWechatPush(
      { rawQuery: push.query, rawBody: push.body },
      { token: 'push-token', encodingAesKey: AES_KEY, appId: APP.appId },
    );
    expect(verified).toMatchObject({ kind: 'media_check', event: { traceId, suggest: 'risky', statusCode: 0 } });
    expect(sim.callbacks.deliveries.at(-1)).toMatchObject({ acknowledged: true });
  });

  it('media check: a URL WeChat cannot download comes back with status_code −1008', async () => {
    const before = receiver.pushes.length;
    await client.mediaCheckAsync({
      mediaUrl: `${receiver.url}/missing.jpg`,
      mediaType: 2,
      openid: 'o-user-7',
      scene: 1,
    });
    await sim.mediaChecks.idle();
    expect(receiver.pushes.length).toBe(before + 1);
    const push = receiver.pushes.at(-1)!;
    const verified = verifyWechatPush(
      { rawQuery: push.query, rawBody: push.body },
      { token: 'push-token', encodingAesKey: AES_KEY, appId: APP.appId },
    ) as Extract<WechatPushEvent, { kind: 'media_check' }>;
    expect(verified.event.statusCode).toBe(-1008);
  });

  it('media check: a request without version 2 is refused with 47003', async () => {
    const token = await client.accessToken();
    const response = await fetch(`${sim.url}/wxa/media_check_async?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({ media_url: 'https://x/y.jpg', media_type: 2, openid: 'o', scene: 1 }),
    });
    expect(await response.json()).toMatchObject({ errcode: 47003 });
  });
});

describe('WeChat message push verification', () => {
  it('the document example: token AAAAA, timestamp 1714036504, nonce 1514711492', () => {
    expect(pushSignature('AAAAA', '1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
    const query =
      'signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492';
    expect(verifyWechatPushEcho(query, { token: 'AAAAA' })).toBe('4375120948345356249');
  });

  const plain = (body: object, token = 'push-token') => {
    const timestamp = '1764000000';
    const nonce = '42';
    return {
      rawQuery: `signature=${pushSignature(token, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`,
      rawBody: JSON.stringify(body),
    };
  };
  const settings = { token: 'push-token', appId: 'wx-platform' };
  const event = {
    Event: 'wxa_media_check',
    appid: 'wx-platform',
    trace_id: 't-1',
    result: { suggest: 'pass', label: 100 },
  };

  it('plain mode: a good signature gives the event', () => {
    expect(verifyWechatPush(plain(event), settings)).toMatchObject({
      kind: 'media_check',
      event: { traceId: 't-1', suggest: 'pass' },
    });
  });

  it('plain mode: a wrong token, a changed query or a missing signature throws', () => {
    expect(() => verifyWechatPush(plain(event, 'other'), settings)).toThrow(SignatureVerificationError);
    const good = plain(event);
    expect(() =>
      verifyWechatPush({ ...good, rawQuery: good.rawQuery.replace('nonce=42', 'nonce=43') }, settings),
    ).toThrow(SignatureVerificationError);
    expect(() => verifyWechatPush({ rawQuery: 'timestamp=1&nonce=2', rawBody: '{}' }, settings)).toThrow(
      SignatureVerificationError,
    );
  });

  it('safe mode: a message sealed for another appid, or a changed ciphertext, throws', () => {
    const seal = (appId: string) => {
      const encrypted = encryptPushMessage(JSON.stringify(event), AES_KEY, appId);
      const msg = pushSignature('push-token', '1', '2', encrypted);
      return {
        rawQuery: `timestamp=1&nonce=2&encrypt_type=aes&msg_signature=${msg}`,
        rawBody: JSON.stringify({ Encrypt: encrypted }),
      };
    };
    const withKey = { ...settings, encodingAesKey: AES_KEY };
    expect(verifyWechatPush(seal('wx-platform'), withKey)).toMatchObject({ kind: 'media_check' });
    expect(() => verifyWechatPush(seal('wx-other'), withKey)).toThrow(SignatureVerificationError);
    const good = seal('wx-platform');
    const tampered = good.rawBody.replace(/"Encrypt":"(.)/, (_m, c: string) => `"Encrypt":"${c === 'A' ? 'B' : 'A'}`);
    expect(() => verifyWechatPush({ ...good, rawBody: tampered }, withKey)).toThrow(SignatureVerificationError);
  });

  it('subscribe values: thing ≤ 20 characters, phrase ≤ 5 Chinese characters, character_string printable', () => {
    expect(subscribeValueProblem('thing1', '一'.repeat(20))).toBeUndefined();
    expect(subscribeValueProblem('thing1', '一'.repeat(21))).toBeDefined();
    expect(subscribeValueProblem('phrase2', '处理中')).toBeUndefined();
    expect(subscribeValueProblem('phrase2', 'done')).toBeDefined();
    expect(subscribeValueProblem('character_string3', 'BS2612040000000001')).toBeUndefined();
    expect(subscribeValueProblem('character_string3', '订单')).toBeDefined();
    expect(fitSubscribeValue('thing1', '一'.repeat(30))).toHaveLength(20);
  });
});
