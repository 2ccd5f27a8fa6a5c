import { HttpTransport, parseJsonBody, VendorApiError } from '../core/index.js';
import type { WechatAccessToken, WechatClientOptions, WechatSession } from './types.js';

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

const VENDOR = 'wechat';

/** The parts of the WeChat mini-program server API that Banshi uses. */
export class WechatClient {
  private readonly transport: HttpTransport;

  constructor(private readonly options: WechatClientOptions) {
    this.transport = new HttpTransport(VENDOR, options);
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

  /** 《获取接口调用凭据 getAccessToken》 */
  async getAccessToken(): Promise<WechatAccessToken> {
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
    });
    const body = await this.get<{ access_token?: string; expires_in?: number }>('/cgi-bin/token', query, true);
    if (!body.access_token) {
      throw new VendorApiError(VENDOR, 'getAccessToken answered without a token', { code: 'INVALID_RESPONSE' });
    }
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in ?? 7200 };
  }

  private async get<T>(path: string, query: URLSearchParams, idempotent: boolean): Promise<T & WechatErrorBody> {
    const response = await this.transport.send({ method: 'GET', path, query: query.toString(), idempotent });
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
