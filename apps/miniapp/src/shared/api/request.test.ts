import Taro from '@tarojs/taro';
import { MERCHANT_TOKEN_KEY, USER_TOKEN_KEY } from '../auth/token-store';
import { ApiError, request, tokenKindFor } from './request';

type Call = { url: string; method: string; header: Record<string, string>; data?: unknown };
type Reply = { statusCode: number; data: unknown };

const mockRequest = Taro.request as unknown as jest.Mock;
const mockToast = Taro.showToast as unknown as jest.Mock;
const calls: Call[] = [];

/** Answers Taro.request from a list of handlers, in order, and records what was sent. */
function serve(...replies: Array<(call: Call) => Reply | Error>) {
  mockRequest.mockImplementation(async (call: Call) => {
    calls.push(call);
    const next = replies.shift();
    if (!next) throw new Error(`unexpected request ${call.method} ${call.url}`);
    const reply = next(call);
    if (reply instanceof Error) throw reply;
    return reply;
  });
}

const ok = (data: unknown) => () => ({ statusCode: 200, data });
const fail = (statusCode: number, code: string, message: string) => () => ({
  statusCode,
  data: { code, message },
});
const user = { id: 7, nickname: '小王', phone: null, verified: false, createdAt: '2025-01-01T00:00:00Z' };
const bearer = (call: Call) => call.header.Authorization;

beforeEach(() => {
  calls.length = 0;
});

describe('request', () => {
  it('shows the server message of an error answer in a toast and rejects with it', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'user-token');
    serve(fail(422, 'ORDER_NOT_PAYABLE', '该订单已关闭，无法支付'));

    const error = await request({ path: '/api/orders/1' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'ORDER_NOT_PAYABLE', message: '该订单已关闭，无法支付' });
    expect(mockToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该订单已关闭，无法支付', icon: 'none' }));
  });

  it('says the network is down when no answer comes back', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'user-token');
    serve(() => new Error('request:fail'));

    await expect(request({ path: '/api/me' })).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(mockToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请检查网络后重试' }));
  });

  it('says something readable when a 5xx comes without our error body', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'user-token');
    serve(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }));

    await expect(request({ path: '/api/me' })).rejects.toMatchObject({ status: 502 });
    expect(mockToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务繁忙，请稍后重试' }));
  });

  it('leaves the error to the caller when silent', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'user-token');
    serve(fail(404, 'NOT_FOUND', '订单不存在'));

    await expect(request({ path: '/api/orders/9', silent: true })).rejects.toThrow('订单不存在');
    expect(mockToast).not.toHaveBeenCalled();
  });

  it('sends JSON with the user token and drops empty query values', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'user-token');
    serve(ok({ items: [], nextCursor: null }));

    await request({ path: '/api/orders', query: { cursor: null, limit: 20, kind: '' } });

    expect(calls[0]).toMatchObject({ url: '/api/orders?limit=20', method: 'GET' });
    expect(calls[0].header).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer user-token' });
  });

  it('logs in by itself (sandbox code in H5) before the first user request', async () => {
    serve(ok({ code: 'code-1' }), ok({ token: 'fresh', user }), ok(user));

    await expect(request({ path: '/api/me' })).resolves.toEqual(user);

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/sandbox/wechat/code',
      'POST /api/auth/wechat',
      'GET /api/me',
    ]);
    expect(calls[1].data).toEqual({ code: 'code-1' });
    expect(bearer(calls[1])).toBeUndefined();
    expect(bearer(calls[2])).toBe('Bearer fresh');
    expect(Taro.getStorageSync(USER_TOKEN_KEY)).toBe('fresh');
  });

  it('shares one login between requests that start together', async () => {
    serve(ok({ code: 'code-1' }), ok({ token: 'fresh', user }), ok(user), ok(user));

    await Promise.all([request({ path: '/api/me' }), request({ path: '/api/me' })]);

    expect(calls.filter((c) => c.url === '/api/auth/wechat')).toHaveLength(1);
  });

  it('on 401 logs in again once and retries the request with the new token', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'expired');
    serve(
      fail(401, 'UNAUTHORIZED', '登录已过期'),
      ok({ code: 'code-2' }),
      ok({ token: 'renewed', user }),
      ok({ items: [], nextCursor: null }),
    );

    await expect(request({ path: '/api/orders' })).resolves.toEqual({ items: [], nextCursor: null });

    expect(calls.map(bearer)).toEqual(['Bearer expired', undefined, undefined, 'Bearer renewed']);
    expect(Taro.getStorageSync(USER_TOKEN_KEY)).toBe('renewed');
    expect(mockToast).not.toHaveBeenCalled();
  });

  it('gives up after one re-login when the retry is refused too', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'expired');
    serve(
      fail(401, 'UNAUTHORIZED', '登录已过期'),
      ok({ code: 'code-2' }),
      ok({ token: 'renewed', user }),
      fail(401, 'UNAUTHORIZED', '账号已停用'),
    );

    await expect(request({ path: '/api/orders' })).rejects.toMatchObject({ status: 401 });

    expect(calls).toHaveLength(4);
    expect(mockToast).toHaveBeenCalledWith(expect.objectContaining({ title: '账号已停用' }));
  });

  it('uses the merchant token on merchant routes and never the WeChat login', async () => {
    Taro.setStorageSync(USER_TOKEN_KEY, 'user-token');
    Taro.setStorageSync(MERCHANT_TOKEN_KEY, 'merchant-token');
    serve(ok({ items: [], nextCursor: null }));

    await request({ path: '/api/merchant/orders', query: { status: 'failed' } });

    expect(calls[0].url).toBe('/api/merchant/orders?status=failed');
    expect(bearer(calls[0])).toBe('Bearer merchant-token');
  });

  it('sends the merchant back to the login form when the merchant token is refused', async () => {
    Taro.setStorageSync(MERCHANT_TOKEN_KEY, 'merchant-token');
    serve(fail(401, 'UNAUTHORIZED', '请重新登录'));

    await expect(request({ path: '/api/merchant/orders' })).rejects.toMatchObject({ status: 401 });

    expect(calls).toHaveLength(1);
    expect(Taro.getStorageSync(MERCHANT_TOKEN_KEY)).toBe('');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/merchant/pages/login/index' });
  });
});

describe('tokenKindFor', () => {
  it.each([
    ['/api/me', 'user'],
    ['/api/orders', 'user'],
    ['/api/merchant/orders', 'merchant'],
    ['/api/merchant/login', 'none'],
    ['/api/auth/wechat', 'none'],
    ['/api/sandbox/wechat/code', 'none'],
  ])('%s takes the %s credential', (path, kind) => {
    expect(tokenKindFor(path)).toBe(kind);
  });
});
