import { HttpTransport, parseJsonBody, VendorApiError } from '../core/index.js';
import {
  TOKEN_ERRORS,
  type MediaCheckRequest,
  type SubscribeMessage,
  type WechatAccessToken,
  type WechatClientOptions,
  type WechatPhoneInfo,
  type WechatSession,
} from './types.js';

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

const VENDOR = 'wechat';
/** A cached token is renewed this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * The parts of the WeChat mini-program server API that Banshi uses. Calls that need an access token
 * get it from a cache (the stable token, shared by every instance of the server); a 40001/42001
 * answer drops the cached token, fetches a fresh one (`force_refresh`) and repeats the call once.
 */
export class WechatClient {
  private readonly transport: HttpTransport;
  private readonly now: () => number;
  private cached?: { token: string; renewAt: number };
  private fetching?: Promise<string>;

  constructor(private readonly options: WechatClientOptions) {
    this.transport = new HttpTransport(VENDOR, options);
    this.now = options.now ?? Date.now;
  }

  /**
   * 《小程序登录 code2Session》: exchanges a `wx.login` code for the user's openid.
   * A code works once, for about five minutes (40029 invalid, 40163 already used).
   */
  async code2Session(jsCode: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.appSecret,
      js_code: jsCode,
      grant_type: 'authorization_code',
    });
    // Not retried: a code is single-use, and a retry after a lost answer would only meet 40163.
    const body = await this.get<{ openid?: string; session_key?: string; unionid?: string }>(
      '/sns/jscode2session',
      query,
      false,
    );
    if (!body.openid || !body.session_key) {
      throw new VendorApiError(VENDOR, 'code2Session answered without an openid', { code: 'INVALID_RESPONSE' });
    }
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid };
  }

  /**
   * 《获取接口调用凭据 getAccessToken》 (`/cgi-bin/token`). Each call issues a new token and makes the
   * previous one expire within minutes, so the server uses the stable token instead.
   */
  async getAccessToken(): Promise<WechatAccessToken> {
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
    });
    const body = await this.get<{ access_token?: string; expires_in?: number }>('/cgi-bin/token', query, true);
    return readToken(body);
  }

  /**
   * 《获取稳定版接口调用凭据 getStableAccessToken》 (`/cgi-bin/stable_token`): the same token for every
   * caller until it expires, so several server instances do not invalidate each other's.
   * `forceRefresh` issues a new one (WeChat allows it 20 times a day).
   */
  async getStableAccessToken(forceRefresh = false): Promise<WechatAccessToken> {
    const body = await this.post<{ access_token?: string; expires_in?: number }>(
      '/cgi-bin/stable_token',
      new URLSearchParams(),
      {
        grant_type: 'client_credential',
        appid: this.options.appId,
        secret: this.options.appSecret,
        force_refresh: forceRefresh,
      },
      true,
    );
    return readToken(body);
  }

  /** The cached access token, fetched when missing or about to expire (one fetch at a time). */
  async accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.cached && this.now() < this.cached.renewAt) return this.cached.token;
    this.fetching ??= this.getStableAccessToken(forceRefresh)
      .then(({ accessToken, expiresInSeconds }) => {
        this.cached = { token: accessToken, renewAt: this.now() + expiresInSeconds * 1000 - TOKEN_MARGIN_MS };
        return accessToken;
      })
      .finally(() => {
        this.fetching = undefined;
      });
    return this.fetching;
  }

  /**
   * 《发送订阅消息 subscribeMessage.send》. Not retried by the transport: WeChat has no idempotency
   * key, and a repeat after a lost answer would spend a second acceptance. 43101 means the user did
   * not accept (or has no acceptance left); 47003 a data value outside its rule.
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
    await this.withToken((token) =>
      this.post(
        '/cgi-bin/message/subscribe/send',
        new URLSearchParams({ access_token: token }),
        {
          touser: message.touser,
          template_id: message.templateId,
          page: message.page,
          data,
          miniprogram_state: message.miniprogramState ?? 'formal',
          lang: message.lang ?? 'zh_CN',
        },
        false,
      ),
    );
  }

  /** 《获取手机号 getPhoneNumber》: the code from `<button open-type="getPhoneNumber">`, single-use, 5 minutes. */
  async getPhoneNumber(code: string): Promise<WechatPhoneInfo> {
    const body = await this.withToken((token) =>
      this.post<{ phone_info?: Partial<WechatPhoneInfo> & { countryCode?: string | number } }>(
        '/wxa/business/getuserphonenumber',
        new URLSearchParams({ access_token: token }),
        { code },
        false,
      ),
    );
    const info = body.phone_info;
    if (!info?.purePhoneNumber || info.watermark?.appid !== this.options.appId) {
      throw new VendorApiError(VENDOR, 'getPhoneNumber answered without a phone for this app', {
        code: 'INVALID_RESPONSE',
      });
    }
    return {
      phoneNumber: info.phoneNumber ?? info.purePhoneNumber,
      purePhoneNumber: info.purePhoneNumber,
      // The document's example has a number, real answers a string.
      countryCode: String(info.countryCode ?? '86'),
      watermark: { appid: info.watermark.appid, timestamp: Number(info.watermark.timestamp) },
    };
  }

  /**
   * 《异步校验图片/音频 mediaCheckAsync》 (v2). Answers the trace_id that the `wxa_media_check` push
   * will carry. Retried: a repeated check only produces a second verdict, which the trace_id
   * tells apart.
   */
  async mediaCheckAsync(request: MediaCheckRequest): Promise<{ traceId: string }> {
    const body = await this.withToken((token) =>
      this.post<{ trace_id?: string; traceId?: string }>(
        '/wxa/media_check_async',
        new URLSearchParams({ access_token: token }),
        {
          media_url: request.mediaUrl,
          media_type: request.mediaType,
          version: 2,
          openid: request.openid,
          scene: request.scene,
        },
        true,
      ),
    );
    // The HTTPS answer says trace_id; the cloud-call answer traceId.
    const traceId = body.trace_id ?? body.traceId;
    if (!traceId)
      throw new VendorApiError(VENDOR, 'mediaCheckAsync answered without a trace_id', { code: 'INVALID_RESPONSE' });
    return { traceId };
  }

  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof VendorApiError) || !TOKEN_ERRORS.has(error.code)) throw error;
      // Our token was revoked or expired early: take a fresh one and try once more.
      this.cached = undefined;
      return call(await this.accessToken(true));
    }
  }

  private async get<T>(path: string, query: URLSearchParams, idempotent: boolean): Promise<T & WechatErrorBody> {
    const response = await this.transport.send({ method: 'GET', path, query: query.toString(), idempotent });
    return this.check<T>(response);
  }

  private async post<T = unknown>(
    path: string,
    query: URLSearchParams,
    body: unknown,
    idempotent: boolean,
  ): Promise<T & WechatErrorBody> {
    const response = await this.transport.send({
      method: 'POST',
      path,
      query: query.toString(),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      idempotent,
    });
    return this.check<T>(response);
  }

  private check<T>(response: { status: number; text: string; headers: Headers }): T & WechatErrorBody {
    const body = parseJsonBody<T & WechatErrorBody>(VENDOR, response);
    if (body.errcode !== undefined && body.errcode !== 0) {
      throw new VendorApiError(VENDOR, body.errmsg ?? `WeChat error ${body.errcode}`, {
        code: String(body.errcode),
        httpStatus: response.status,
        rawBody: response.text,
      });
    }
    return body;
  }
}

function readToken(body: { access_token?: string; expires_in?: number }): WechatAccessToken {
  if (!body.access_token) {
    throw new VendorApiError(VENDOR, 'WeChat answered without an access token', { code: 'INVALID_RESPONSE' });
  }
  return { accessToken: body.access_token, expiresInSeconds: body.expires_in ?? 7200 };
}
