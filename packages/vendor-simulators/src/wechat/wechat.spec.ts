import { ManualClock, VendorApiError } from '@banshi/vendor-clients';
import { WechatClient } from '@banshi/vendor-clients/wechat';
import { WechatSimulator } from './wechat-simulator.js';

describe('WeChat client against its simulator', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 23));
  let sim: WechatSimulator;
  let client: WechatClient;

  beforeAll(async () => {
    sim = await WechatSimulator.start({ appId: 'wx-test', appSecret: 'secret', clock });
    client = new WechatClient({ baseUrl: sim.url, appId: 'wx-test', appSecret: 'secret' });
  });
  afterAll(() => sim.close());

  it('code2Session: a minted code gives the same openid for the same device', async () => {
    const first = await client.code2Session(sim.mintLoginCode('device-1'));
    const second = await client.code2Session(sim.mintLoginCode('device-1'));
    const other = await client.code2Session(sim.mintLoginCode('device-2'));
    expect(first.openid).toMatch(/^o[\w-]{27}$/);
    expect(second.openid).toBe(first.openid);
    expect(other.openid).not.toBe(first.openid);
  });

  it('code2Session: an unknown code is refused with 40029', async () => {
    await expect(client.code2Session('nope')).rejects.toMatchObject({ code: '40029' });
  });

  it('code2Session: a reused code is refused with 40163', async () => {
    const code = sim.mintLoginCode();
    await client.code2Session(code);
    const error = await client.code2Session(code).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error).toMatchObject({ code: '40163' });
  });

  it('code2Session: a code older than five minutes has expired (40029)', async () => {
    const code = sim.mintLoginCode();
    clock.advance(5 * 60_000 + 1);
    await expect(client.code2Session(code)).rejects.toMatchObject({ code: '40029' });
  });

  it('code2Session: a wrong secret is refused with 40125', async () => {
    const wrong = new WechatClient({ baseUrl: sim.url, appId: 'wx-test', appSecret: 'other' });
    await expect(wrong.code2Session(sim.mintLoginCode())).rejects.toMatchObject({ code: '40125' });
  });

  it('code2Session: the rate-limit knob answers 45011', async () => {
    sim.nextErrors.push(45011);
    await expect(client.code2Session(sim.mintLoginCode())).rejects.toMatchObject({ code: '45011' });
  });

  it('getAccessToken: answers a token', async () => {
    await expect(client.getAccessToken()).resolves.toMatchObject({ expiresInSeconds: 7200 });
  });
});
